;; Calling something that is not a procedure.
(define x 5)
(define (call-it f)
  (f 1)) ; ERROR: (?is)procedure.*\b5\b|\b5\b.*procedure
(call-it x)
