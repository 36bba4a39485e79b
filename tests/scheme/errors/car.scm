;; car of a number: the error names car and the number, and points at the
;; call of car inside first, not at the call of first.
(define (first x)
  (car x)) ; ERROR: car.*pair.*5
(display "before")
(newline)
(first 5)
(display "not reached")
