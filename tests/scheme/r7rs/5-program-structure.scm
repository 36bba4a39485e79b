;; R7RS-small section 5: program structure (import, define, internal defines,
;; define-values, define-syntax, define-record-type).
(import (scheme base) (scheme write))
(include "lib/check.scm")

;;; 5.3 variable definitions
(define add3 (lambda (x) (+ x 3)))
(check 'define-lambda (add3 3) 6)
(define first car)
(check 'define-alias (first '(1 2)) 1)
(define (proc-form a b) (- a b))
(check 'define-procedure-form (proc-form 10 4) 6)
(define (rest-form a . more) (list a more))
(check 'define-rest-form (rest-form 1 2 3) '(1 (2 3)))
(define (all-rest . args) args)
(check 'define-all-rest (all-rest 1 2) '(1 2))
(define redefined 1)
(define redefined 2)
(check 'define-redefine redefined 2)
(define (uses-later) (later-defined 5))
(define (later-defined n) (* n n))
(check 'define-forward-reference (uses-later) 25)
(begin (define begin-a 1) (define begin-b 2))
(check 'toplevel-begin-defines (+ begin-a begin-b) 3)

;; 5.3.2 internal definitions
(check 'internal-defines
       (let ((x 5))
         (define foo (lambda (y) (bar x y)))
         (define bar (lambda (a b) (+ (* a b) a)))
         (foo (+ x 3)))
       45)
(check 'internal-define-shadows-global
       (let () (define (car x) 'mine) (car '(1)))
       'mine)
(check 'global-car-intact (car '(1)) 1)
(check 'internal-begin-splice
       (let () (begin (define a 1) (define b 2)) (+ a b))
       3)
(check 'internal-defines-in-lambda
       ((lambda (n)
          (define (ev? n) (if (= n 0) #t (od? (- n 1))))
          (define (od? n) (if (= n 0) #f (ev? (- n 1))))
          (list (ev? n) (od? n)))
        7)
       '(#f #t))
(check 'internal-define-in-named-let-body
       (let loop ((i 0) (acc '()))
         (define next (+ i 1))
         (if (= i 3) (reverse acc) (loop next (cons i acc))))
       '(0 1 2))
(check 'internal-define-letrec*-semantics
       (let ()
         (define a 1)
         (define b (+ a 1))
         (define c (* b 10))
         c)
       20)
(check 'internal-define-in-cond-lambda-body
       (let ((f (lambda () (define z 'inner) z)))
         (f))
       'inner)

;; 5.3.3 multiple-value definitions
(define-values (dv-x dv-y) (exact-integer-sqrt 17))
(check 'define-values-toplevel (list dv-x dv-y) '(4 1))
(check 'define-values-internal
       (let () (define-values (x y) (values 1 2)) (+ x y))
       3)
(define-values (dv-a . dv-rest) (values 1 2 3))
(check 'define-values-dotted (list dv-a dv-rest) '(1 (2 3)))
(define-values dv-all (values 4 5 6))
(check 'define-values-all dv-all '(4 5 6))
(define-values () (values))
(check 'define-values-empty 'fine 'fine)
(check 'define-values-internal-rest
       (let () (define-values (a . b) (values 1)) (list a b))
       '(1 ()))

;;; 5.4 syntax definitions
(define-syntax my-unless
  (syntax-rules ()
    ((_ c body ...) (if c #f (begin body ...)))))
(check 'define-syntax-toplevel (my-unless #f 'ran) 'ran)
(define-syntax ten (syntax-rules () ((_) 10)))
(define (use-ten) (+ (ten) 1))
(check 'define-syntax-used-in-procedure (use-ten) 11)

;;; 5.5 record-type definitions (report example)
(define-record-type <pare>
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(check 'record-predicate (pare? (kons 1 2)) #t)
(check 'record-predicate-pair (pare? (cons 1 2)) #f)
(check 'record-accessor-1 (kar (kons 1 2)) 1)
(check 'record-accessor-2 (kdr (kons 1 2)) 2)
(check 'record-modifier
       (let ((k (kons 1 2)))
         (set-kar! k 3)
         (kar k))
       3)
(define-record-type point
  (make-point y x)
  point?
  (x point-x)
  (y point-y)
  (z point-z set-point-z!))
(check 'record-constructor-field-order (point-x (make-point 1 2)) 2)
(check 'record-constructor-field-order-2 (point-y (make-point 1 2)) 1)
(check 'record-field-not-in-constructor
       (let ((p (make-point 1 2))) (set-point-z! p 'zed) (point-z p))
       'zed)
(check 'record-types-distinct (list (pare? (make-point 1 2)) (point? (kons 1 2))) '(#f #f))
(check 'record-not-other-types
       (let ((r (kons 1 2)))
         (list (vector? r) (pair? r) (procedure? r) (symbol? r) (string? r)))
       '(#f #f #f #f #f))
(check 'record-identity
       (let ((a (kons 1 2)) (b (kons 1 2)))
         (list (eq? a a) (eqv? a b)))
       '(#t #f))
(check 'record-mutation-visible-through-alias
       (let* ((a (kons 1 2)) (b a)) (set-kar! a 'new) (kar b))
       'new)
(define-record-type empty-rec (make-empty-rec) empty-rec?)
(check 'record-no-fields (empty-rec? (make-empty-rec)) #t)
(check 'record-local-definition
       (let ()
         (define-record-type cell (make-cell v) cell? (v cell-v set-cell-v!))
         (let ((c (make-cell 1)))
           (set-cell-v! c (+ (cell-v c) 1))
           (list (cell? c) (cell-v c))))
       '(#t 2))
