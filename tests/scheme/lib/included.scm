(define included-value 42)
(define (included-double x) (* 2 x))
