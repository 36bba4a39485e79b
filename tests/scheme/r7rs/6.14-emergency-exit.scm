;; R7RS-small section 6.14: emergency-exit does not run outstanding
;; dynamic-wind after thunks, and exits with the given status.
(display "ok before-emergency-exit")
(newline)
(dynamic-wind
 (lambda () #f)
 (lambda () (emergency-exit 4))
 (lambda () (display "FAIL emergency-exit-ran-after-thunk") (newline)))
(display "FAIL emergency-exit-did-not-exit")
(newline)
;; exit: 4
