"""The rule engine: dated parameters, Outcome/Check types, message rendering, the working-day
calendar and the registry of rules behind the rules console (R-REF-3, R-REF-4)."""
