;; A misspelt variable: the error names it and suggests the defined one.
(define (square x) (* x x))
(display "before")
(newline)
(display (sqaure 4)) ; ERROR: (?is)unbound.*sqaure.*did you mean.*square
