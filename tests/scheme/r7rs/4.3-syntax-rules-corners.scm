;; R7RS-small section 4.3: corners of syntax-rules and let-syntax.
(include "lib/check.scm")

;; 4.3.2: the ellipsis is the identifier ... as bound in (scheme base);
;; identifiers are compared by binding, so where ... is bound as a
;; variable it is an ordinary pattern variable. (_ x ...) then matches
;; exactly two operands, and (s a b c) falls to the second rule.
(check 'bound-ellipsis-is-ordinary
       (let ((... 2))
         (let-syntax ((s (syntax-rules () ((_ x ...) 'bad) ((_ . r) 'ok))))
           (s a b c)))
       'ok)
(check 'bound-ellipsis-two-operands
       (let ((... 2))
         (let-syntax ((s (syntax-rules () ((_ x ...) (list x ...)))))
           (s 1 5)))
       '(1 5))
(check 'unbound-ellipsis-repeats
       (let-syntax ((s (syntax-rules () ((_ x ...) '(x ...)))))
         (s a b c))
       '(a b c))

;; "A template of the form (<ellipsis> <template>) is identical to
;; <template> except that ellipses within the template have no special
;; meaning." With a custom ellipsis that is (::: :::), and ... is an
;; ordinary identifier.
(define-syntax pairs-with-ellipsis
  (syntax-rules ::: ()
    ((_ x :::) '((x (::: :::)) :::))))
(check 'custom-ellipsis-escape (pairs-with-ellipsis 1 2) '((1 :::) (2 :::)))
(define-syntax dots-are-plain
  (syntax-rules ::: ()
    ((_ x :::) '(x ::: (... ...)))))
(check 'custom-ellipsis-dots-plain (dots-are-plain 1 2) '(1 2 (... ...)))
;; An escape inside a repeated subtemplate.
(define-syntax pairs-with-dots
  (syntax-rules ()
    ((_ x ...) '((x (... ...)) ...))))
(check 'escape-in-repetition (pairs-with-dots 1 2) '((1 ...) (2 ...)))
(define-syntax rows
  (syntax-rules ()
    ((_ (x ...) ...) '((x ... (... ...)) ...))))
(check 'escape-in-nested-repetition (rows (1 2) (3)) '((1 2 ...) (3 ...)))
;; A literal ellipsis where no pattern variable follows.
(define-syntax just-dots (syntax-rules () ((_) '(... ...))))
(check 'escape-alone (just-dots) '...)
(define-syntax after-var (syntax-rules () ((_ a) '(a (... ...) (... ...)))))
(check 'escape-after-variable (after-var 1) '(1 ... ...))
(define-syntax escaped-subtemplate (syntax-rules () ((_ a) '(... (a ...)))))
(check 'escaped-subtemplate (escaped-subtemplate 1) '(1 ...))
(define-syntax in-vector (syntax-rules () ((_ x ...) '#((... ...) x ...))))
(check 'escape-in-vector (in-vector 1 2) '#(... 1 2))
;; A macro that defines a macro: the inner one's ellipses are escaped in
;; the outer template, or left alone by an outer custom ellipsis.
(define-syntax define-sequencer
  (syntax-rules ()
    ((_ name)
     (define-syntax name
       (syntax-rules ()
         ((_ e (... ...)) (list e (... ...))))))))
(define-sequencer seq1)
(check 'nested-escape (seq1 1 2 3) '(1 2 3))
(define-syntax define-pairer
  (syntax-rules ::: ()
    ((_ name outer :::)
     (define-syntax name
       (syntax-rules ()
         ((_ a ...) '((a (... ...)) ... outer :::)))))))
(define-pairer pairer x y)
(check 'nested-custom-ellipsis (pairer 1 2) '((1 ...) (2 ...) x y))

;; let-syntax and letrec-syntax among definitions: their forms are spliced
;; into the enclosing body (as in R6RS and chibi), so a definition in them
;; defines in that body. The keywords stay local to them.
(define (spliced)
  (let-syntax ((one (syntax-rules () ((_) 1))))
    (define a (one))
    (define (b) (+ a (one))))
  (list a (b)))
(check 'let-syntax-defines-in-body (spliced) '(1 2))
(define (spliced-rec)
  (letrec-syntax ((count (syntax-rules ()
                           ((_) 0)
                           ((_ x y ...) (+ 1 (count y ...))))))
    (define n (count a b c)))
  (* n 10))
(check 'letrec-syntax-defines-in-body (spliced-rec) 30)
(define (keyword-is-local)
  (let-syntax ((one (syntax-rules () ((_) 1))))
    (define a (one)))
  (one))
(check-error 'keyword-stays-local (keyword-is-local))
(let-syntax ((two (syntax-rules () ((_) 2))))
  (define top-two (two)))
(check 'let-syntax-defines-at-top-level top-two 2)
;; As an expression, let-syntax is a body of its own.
(check 'let-syntax-expression
       (+ 1 (let-syntax ((two (syntax-rules () ((_) 2))))
              (define local (two))
              local))
       3)
