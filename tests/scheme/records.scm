;; define-record-type: constructors, predicates, accessors and modifiers,
;; and the distinctness of record types.

(define (show . xs) (for-each display xs) (newline))

(define-record-type point
  (make-point x y)
  point?
  (x point-x set-point-x!)
  (y point-y))
(define p (make-point 1 2))
(show (point? p) " " (point? 5) " " (point? (vector 1 2)) " " (point? '(1 2)))
(show (point-x p) " " (point-y p))
(set-point-x! p 10)
(show (point-x p) " " (point-y p))

;; a field outside the constructor, set later
(define-record-type <node>
  (make-node val)
  node?
  (val node-val)
  (next node-next set-node-next!))
(define n (make-node 'a))
(set-node-next! n 'b)
(show (node-val n) " " (node-next n))

;; constructor arguments in another order than the fields
(define-record-type pare
  (kons y x)
  pare?
  (x kar set-kar!)
  (y kdr))
(define k (kons 1 2))
(show (kar k) " " (kdr k))
(set-kar! k 3)
(show (kar k))

;; a record type with no fields
(define-record-type empty (make-empty) empty?)
(show (empty? (make-empty)) " " (eq? (make-empty) (make-empty)))

;; each define-record-type makes a new type, disjoint from the others
(define-record-type thing (make-thing a) thing? (a thing-a))
(show (point? (make-thing 1)) " " (thing? p))
(show (vector? p) " " (procedure? p) " " (pair? p) " " (symbol? p))

;; records compare by identity
(show (eq? p p) " " (equal? (make-point 1 2) (make-point 1 2)))

;; records hold any value, including records
(define line (make-point (make-point 0 0) (make-point 3 4)))
(show (point-x (point-y line)) " " (point-y (point-y line)))

;; an accessor applied to another type is an error
(show (guard (e ((error-object? e) 'type-error)) (point-x (make-thing 1))))
(show (guard (e ((error-object? e) 'type-error)) (point-x 5)))

;; accessors and constructors are procedures
(show (map point-x (list (make-point 1 2) (make-point 3 4))))
(show (procedure? make-point) " " (procedure? point-x))
