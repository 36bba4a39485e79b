;; error with irritants: the message is followed by the written irritants.
(define (check-positive n)
  (if (< n 0)
      (error "negative number:" n 'in "check") ; ERROR: ^error: negative number: -5 in "check"\n
      n))
(display (check-positive 3))
(newline)
(check-positive -5)
