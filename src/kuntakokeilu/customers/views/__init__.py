"""The customers app's pages, one module per section (thin HTTP over the app's domain modules):
`persons` (search, person page, corrections), `notices`, `due_transfers` (the 7-day worklist),
`transfer_requests`, `counts`, `administration` (access log, access request, import); `common` holds
what they share."""
