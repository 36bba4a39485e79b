;; Promises: delay, force, delay-force, make-promise, and iterative forcing
;; in constant space.

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

;; streams, from R7RS 4.2.5
(define integers
  (letrec ((next (lambda (n) (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define (head stream) (car (force stream)))
(define (tail stream) (cdr (force stream)))
(show (head (tail (tail integers))))
(define (stream-filter p? s)
  (delay-force
   (if (null? (force s))
       (delay '())
       (let ((h (car (force s)))
             (t (cdr (force s))))
         (if (p? h)
             (delay (cons h (stream-filter p? t)))
             (stream-filter p? t))))))
(show (head (tail (tail (stream-filter odd? integers)))))

;; a long chain of delay-force, forced iteratively
(define (countdown n)
  (delay-force (if (= n 0) (delay 'done) (countdown (- n 1)))))
(show (force (countdown 1000000)))
(show (head (stream-filter (lambda (n) (= n 100000)) integers)))

;; a promise forced again while it is being forced: the first value to be
;; computed wins (R7RS 4.2.5)
(define count 0)
(define p2
  (delay (begin (set! count (+ count 1))
                (if (> count x)
                    count
                    (force p2)))))
(define x 5)
(show (force p2))
(set! x 10)
(show (force p2))

;; forcing that raised leaves the promise unresolved: the next force runs
;; the body again
(define attempts 0)
(define flaky
  (delay (begin (set! attempts (+ attempts 1))
                (if (= attempts 1) (raise 'first-try) attempts))))
(show (guard (e (#t e)) (force flaky)))
(let* ((a (force flaky)) (b (force flaky)))
  (show a " " b " " attempts))
