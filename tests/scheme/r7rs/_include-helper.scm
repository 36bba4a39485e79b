;; Included by 4-expressions.scm (include test), not a test on its own.
(define (included-double n) (* 2 n))
