"""The trial area's regional co-operation network (R-SP-9, issue 17 item 7): its members over time and its
meetings. See docs/architecture.md, section "The regional co-operation network"."""
