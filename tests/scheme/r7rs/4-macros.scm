;; R7RS-small section 4.3: macros (syntax-rules, let-syntax, letrec-syntax, hygiene).
(include "lib/check.scm")

;;; 4.3.1 binding constructs for syntactic keywords (report examples)
(check 'let-syntax-given-that
       (let-syntax ((given-that (syntax-rules ()
                                  ((_ test stmt1 stmt2 ...)
                                   (if test (begin stmt1 stmt2 ...))))))
         (let ((if #t))
           (given-that if (set! if 'now))
           if))
       'now)
(check 'let-syntax-free-identifier
       (let ((x 'outer))
         (let-syntax ((m (syntax-rules () ((m) x))))
           (let ((x 'inner))
             (m))))
       'outer)
(check 'letrec-syntax-my-or
       (letrec-syntax
           ((my-or (syntax-rules ()
                     ((my-or) #f)
                     ((my-or e) e)
                     ((my-or e1 e2 ...)
                      (let ((temp e1))
                        (if temp temp (my-or e2 ...)))))))
         (let ((x #f)
               (y 7)
               (temp 8)
               (let odd?)
               (if even?))
           (my-or x
                  (let temp)
                  (if y)
                  y)))
       7)
(define-syntax foo-m (syntax-rules () ((_) 'outer)))
(check 'let-syntax-not-recursive
       (let-syntax ((foo-m (syntax-rules () ((_) 'inner)))
                    (bar-m (syntax-rules () ((_) (foo-m)))))
         (bar-m))
       'outer)
(check 'letrec-syntax-recursive
       (letrec-syntax ((foo-m (syntax-rules () ((_) 'inner)))
                       (bar-m (syntax-rules () ((_) (foo-m)))))
         (bar-m))
       'inner)
(check 'let-syntax-body-defines
       (let-syntax ((m (syntax-rules () ((_ v) (* v 2)))))
         (define a (m 4))
         (+ a 1))
       9)

;;; 4.3.2 pattern language
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...))
          (begin expr (... ...))))))))
(be-like-begin sequence)
(check 'escaped-ellipsis-be-like-begin (sequence 1 2 3 4) 4)
(check 'arrow-shadowed-not-literal (let ((=> #f)) (cond (#t => 'ok))) 'ok)
(check 'else-shadowed-not-literal (let ((else #f)) (cond (else 'x) (#t 'y))) 'y)

(define-syntax simple-let
  (syntax-rules ()
    ((_ (head ... ((x . y) val) . tail) body1 body2 ...)
     (syntax-error "expected an identifier but got" (x . y)))
    ((_ ((name val) ...) body1 body2 ...)
     ((lambda (name ...) body1 body2 ...) val ...))))
(check 'simple-let (simple-let ((a 1) (b 2)) (+ a b)) 3)

;; literals
(define-syntax my-if
  (syntax-rules (then else)
    ((_ c then t else e) (if c t e))))
(check 'literals-match (my-if #t then 'yes else 'no) 'yes)
(check 'literals-match-2 (my-if #f then 'yes else 'no) 'no)
(define-syntax kw
  (syntax-rules (foo)
    ((_ foo) 'literal)
    ((_ x) 'other)))
(check 'literal-free (kw foo) 'literal)
(check 'literal-other (kw bar) 'other)
(check 'literal-locally-bound-does-not-match (let ((foo 1)) (kw foo)) 'other)
(define-syntax lit-data
  (syntax-rules ()
    ((_ 1) 'one)
    ((_ "s") 'string)
    ((_ #\c) 'char)
    ((_ #t) 'true)
    ((_ x) 'other)))
(check 'datum-pattern-number (lit-data 1) 'one)
(check 'datum-pattern-string (lit-data "s") 'string)
(check 'datum-pattern-char (lit-data #\c) 'char)
(check 'datum-pattern-boolean (lit-data #t) 'true)
(check 'datum-pattern-other (lit-data 2) 'other)

;; underscore
(define-syntax second-of
  (syntax-rules ()
    ((_ _ x . _) 'x)))
(check 'underscore (second-of a b c d) 'b)
(define-syntax count-args
  (syntax-rules ()
    ((_) 0)
    ((_ _ rest ...) (+ 1 (count-args rest ...)))))
(check 'underscore-recursive (count-args a b c) 3)

;; ellipsis
(define-syntax my-list
  (syntax-rules ()
    ((_ x ...) (list x ...))))
(check 'ellipsis-zero (my-list) '())
(check 'ellipsis-many (my-list 1 2 3) '(1 2 3))
(define-syntax kv-lists
  (syntax-rules ()
    ((_ (k v ...) ...) (list (cons 'k (list v ...)) ...))))
(check 'ellipsis-depth-2 (kv-lists (a 1 2) (b) (c 3)) '((a 1 2) (b) (c 3)))
(define-syntax transpose-ish
  (syntax-rules ()
    ((_ (a b ...) ...) '((b ... a) ...))))
(check 'ellipsis-depth-2-reorder (transpose-ish (1 2 3) (4) (5 6)) '((2 3 1) (4) (6 5)))
(define-syntax pairs-with
  (syntax-rules ()
    ((_ x (y ...)) '((x y) ...))))
(check 'ellipsis-depth-0-inside (pairs-with k (1 2 3)) '((k 1) (k 2) (k 3)))
(define-syntax last-of
  (syntax-rules ()
    ((_ x ... y) 'y)))
(check 'ellipsis-then-tail-pattern (last-of 1 2 3) 3)
(check 'ellipsis-then-tail-pattern-1 (last-of 1) 1)
(define-syntax middle
  (syntax-rules ()
    ((_ a b ... c d) '(b ...))))
(check 'ellipsis-middle (middle 1 2 3 4 5) '(2 3))
(check 'ellipsis-middle-empty (middle 1 4 5) '())
(define-syntax ell-literal
  (syntax-rules ()
    ((_) '(... ...))))
(check 'escaped-ellipsis-symbol (ell-literal) '...)
(define-syntax ell-escape-template
  (syntax-rules ()
    ((_ a) '(... (a ...)))))
(check 'escaped-template (ell-escape-template 1) '(1 ...))

;; custom ellipsis (R7RS: (syntax-rules ELLIPSIS (literal ...) rule ...))
(define-syntax my-list2
  (syntax-rules ::: ()
    ((_ x :::) (list x :::))))
(check 'custom-ellipsis (my-list2 1 2 3) '(1 2 3))
(define-syntax tri
  (syntax-rules ::: ()
    ((_ (a b) :::) '((a ... b) :::))))
(check 'custom-ellipsis-dots-plain (tri (1 2) (3 4)) '((1 ... 2) (3 ... 4)))
(define-syntax def-with-ellipsis
  (syntax-rules ()
    ((_ name)
     (define-syntax name
       (syntax-rules ::: ()
         ((_ x :::) '(x ::: end)))))))
(def-with-ellipsis gen-list)
(check 'custom-ellipsis-in-generated-macro (gen-list 1 2) '(1 2 end))

;; dotted and vector patterns
(define-syntax dot-pat
  (syntax-rules ()
    ((_ (a . b)) '(a b))))
(check 'dotted-pattern (dot-pat (1 2 3)) '(1 (2 3)))
(check 'dotted-pattern-pair (dot-pat (1 . 2)) '(1 2))
(define-syntax dot-tail
  (syntax-rules ()
    ((_ (a ... . r)) '((a ...) r))))
(check 'ellipsis-dotted-tail (dot-tail (1 2 . 3)) '((1 2) 3))
(check 'ellipsis-dotted-tail-proper (dot-tail (1 2)) '((1 2) ()))
(define-syntax vec-pat
  (syntax-rules ()
    ((_ #(a b ...)) (list 'a '(b ...)))))
(check 'vector-pattern (vec-pat #(1 2 3)) '(1 (2 3)))
(check 'vector-pattern-no-match-list
       (let-syntax ((vp (syntax-rules () ((_ #(a ...)) 'vector) ((_ x) 'not-vector))))
         (vp (1 2)))
       'not-vector)
(define-syntax vec-template
  (syntax-rules ()
    ((_ a ...) #(a ... end))))
(check 'vector-template (vec-template 1 2) #(1 2 end))
(define-syntax vec-tail
  (syntax-rules ()
    ((_ #(a ... z)) '(z a ...))))
(check 'vector-pattern-ellipsis-tail (vec-tail #(1 2 3)) '(3 1 2))

;; rules tried in order; no match is a syntax error (not tested: expansion time)
(define-syntax order
  (syntax-rules ()
    ((_ x) 'one)
    ((_ x y) 'two)
    ((_ . any) 'many)))
(check 'rule-order (list (order 1) (order 1 2) (order 1 2 3) (order)) '(one two many many))

;;; hygiene
(define-syntax my-or2
  (syntax-rules ()
    ((_ a b) (let ((t a)) (if t t b)))))
(check 'hygiene-introduced-binding (let ((t 5)) (my-or2 #f t)) 5)
(check 'hygiene-user-if-rebound (let ((if list)) (my-or2 #f 2)) 2)
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(check 'hygiene-swap-tmp (let ((tmp 1) (other 2)) (swap! tmp other) (list tmp other)) '(2 1))
(define helper-val 'global)
(define-syntax get-helper (syntax-rules () ((_) helper-val)))
(check 'hygiene-free-refers-to-definition (let ((helper-val 'local)) (get-helper)) 'global)
(define (helper-proc) 'global-proc)
(define-syntax call-helper (syntax-rules () ((_) (helper-proc))))
(check 'hygiene-free-procedure (let ((helper-proc (lambda () 'local-proc))) (call-helper)) 'global-proc)
(check 'hygiene-local-var-shadows-macro (let ((swap! (lambda (a b) 'proc))) (swap! 1 2)) 'proc)
(define-syntax my-let1
  (syntax-rules ()
    ((_ name val body) (let ((name val)) body))))
(check 'hygiene-user-binding-visible (my-let1 z 4 (* z z)) 16)
(define-syntax while
  (syntax-rules ()
    ((_ cond body ...) (let lp () (when cond body ... (lp))))))
(check 'hygiene-named-let-loop
       (let ((i 0) (lp 'user)) (while (< i 3) (set! i (+ i 1))) (list i lp))
       '(3 user))
(define-syntax def-const
  (syntax-rules ()
    ((_ name v) (define name v))))
(def-const foo-const 9)
(check 'macro-defines-toplevel foo-const 9)
(check 'macro-defines-internal (let () (def-const zz 3) (* zz 2)) 6)
(check 'internal-define-syntax
       (let ()
         (define-syntax twice (syntax-rules () ((_ e) (begin e e))))
         (define n 0)
         (twice (set! n (+ n 1)))
         n)
       2)
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e)) e)
    ((_ (c e) clause ...) (if c e (my-cond clause ...)))))
(check 'recursive-macro (my-cond (#f 1) ((= 1 2) 2) (else 3)) 3)
(define-syntax gen-macro
  (syntax-rules ()
    ((_ name val)
     (define-syntax name (syntax-rules () ((_) val))))))
(gen-macro get-seven 7)
(check 'macro-defining-macro (get-seven) 7)
(define-syntax inc!
  (syntax-rules ()
    ((_ v) (set! v (+ v 1)))
    ((_ v n) (set! v (+ v n)))))
(check 'macro-set! (let ((k 1)) (inc! k) (inc! k 10) k) 12)
(define-syntax quote-it
  (syntax-rules ()
    ((_ x) 'x)))
(check 'template-quote-keeps-symbol (quote-it (a b c)) '(a b c))
(check 'macro-in-operand-position (+ (my-or2 #f 1) (my-or2 2 3)) 3)

;;; 4.3.3 signaling errors in macro transformers (last: expansion happens in eval)
(check 'syntax-error
       (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e)))
                 (#t (list 'non-error-object e)))
         (eval '(let-syntax ((m (syntax-rules ()
                                  ((_) (syntax-error "boom" 1)))))
                  (m))
               (environment '(scheme base))))
       '("boom" (1)))
(check 'syntax-error-unused-rule-is-fine
       (let-syntax ((m (syntax-rules ()
                         ((_ x) 'ok)
                         ((_ . other) (syntax-error "bad use" other)))))
         (m 1))
       'ok)
