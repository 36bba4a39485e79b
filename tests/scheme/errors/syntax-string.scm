;; A syntax error stops the file before anything in it runs.
(display "this must not print")
(newline)
(display "unterminated) ; SYNTAX-ERROR: (?i)unterminated
(newline)
