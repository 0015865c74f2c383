"""`recovery-log import`: a history kept elsewhere (spreadsheets, e-mails) brought into the log.

Readers (`spreadsheet`, `mail`) turn rows and messages into `Candidate` entries or `Skip`
reasons; `writer` names the files as `recovery-log new` does, checks them as `check` would,
and writes only those that do not exist yet.
"""
