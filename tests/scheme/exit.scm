;; exit: 3
;; (exit n) ends the program with status n, flushing what was printed and
;; running the after thunks of the dynamic-winds it leaves.
(display "bye")
(newline)
(dynamic-wind
 (lambda () (display "in") (newline))
 (lambda () (exit 3))
 (lambda () (display "after") (newline)))
(display "not reached")
