;; Waiting forever with no process left to send anything is an error.
(display "before")
(newline)
(?) ; ERROR: deadlock
