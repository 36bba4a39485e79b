;; Promises beyond the examples of R7RS 4.2.5 (tests/scheme/r7rs has
;; those): when the body runs, multiple values, forcing in constant space,
;; and forcing again after a raise.

(define (show . xs) (for-each display xs) (newline))

(define p (delay (begin (display "computing ") 42)))
(show (promise? p) " " (promise? 42))
(show (force p))
(show (force p))
(show (force (make-promise 7)) " " (promise? (make-promise 7)))
(define q (delay 1))
(show (eq? (make-promise q) q))
(show (force (delay (values 5))))
(show (force (delay-force (delay 'inner))))

;; a long chain of delay-force, forced iteratively
(define (countdown n)
  (delay-force (if (= n 0) (delay 'done) (countdown (- n 1)))))
(show (force (countdown 1000000)))

;; forcing that raised leaves the promise unresolved: the next force runs
;; the body again
(define attempts 0)
(define flaky
  (delay (begin (set! attempts (+ attempts 1))
                (if (= attempts 1) (raise 'first-try) attempts))))
(show (guard (e (#t e)) (force flaky)))
(let* ((a (force flaky)) (b (force flaky)))
  (show a " " b " " attempts))
