;; An uncaught raise of something that is not an error object.
(display "one")
(newline)
(raise 'my-error) ; ERROR: raise.*my-error
(display "two")
