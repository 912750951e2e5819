"""Job seekers, their dated facts, the target-group rule and customerships (R-TG)."""
