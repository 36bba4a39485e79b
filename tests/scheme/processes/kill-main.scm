;; A process may kill the main process: the program ends with an error
;; that gives the reason and where the main process was.
(define main (self))
(spawn (kill main 'enough))
(display "waiting")
(newline)
(? ) ; ERROR: the main process was killed with reason enough
(display "not reached")
