;; trace writes each call of a traced procedure and what it returns, with
;; a bar per level of nesting, to the current error port; untrace puts the
;; procedure back.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(define (two-values x) (values x (list x)))
(trace fact two-values)
(display (fact 2))
(newline)
(call-with-values (lambda () (two-values 'a)) (lambda (x y) (write y) (newline)))
(trace fact) ; already traced: no second wrapper
(display (fact 1))
(newline)
(untrace fact)
(display (fact 3))
(newline)
(define (deep n) (if (= n 0) 'bottom (deep (- n 1))))
(trace deep)
(display (deep 11))
(newline)
