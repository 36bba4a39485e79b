;; A linked death that was caught is forgotten by the next receive: the
;; same object raised later by this process is reported as its own.
(define p (spawn-link (raise 'crash)))
(catch (lambda (e) (display (list 'caught e)) (newline)) (? 1))
(display (? 0 'empty))
(newline)
(raise (quote crash))
;; exit: 70
