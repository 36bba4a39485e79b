;; The continuation of a top-level form is the rest of the file: calling
;; it again runs the forms after it again.
(define k #f)
(define n 0)
(display (call/cc (lambda (c) (set! k c) 0)))
(newline)
(set! n (+ n 1))
(if (< n 3) (k n))
(display "end")
(newline)
