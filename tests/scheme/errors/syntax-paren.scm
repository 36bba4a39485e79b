;; An unexpected close parenthesis, after forms that would print.
(display "this must not print")
(newline)
(define (f x) x)) ; SYNTAX-ERROR: (?i)\)|paren
(f 1)
