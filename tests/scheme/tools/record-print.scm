;; Records print with their fields, as in Gambit and Chez.
(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define-record-type <empty> (make-empty) empty?)
(define p (make-point 1 "one"))
(write p) (newline)
(display p) (newline)
(write (list (make-empty) (vector p))) (newline)
;; A record that holds itself gets a datum label, as a list would.
(set-point-y! p p)
(write p) (newline)
