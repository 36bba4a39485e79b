;; Too few arguments: the error names the procedure and points at the call.
(define (two a b) (+ a b))
(display (two 1 2))
(newline)
(two 1) ; ERROR: (?is)two.*arg|arg.*two
