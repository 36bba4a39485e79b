;; R7RS-small section 4: expressions (4.1 primitive, 4.2 derived).
(include "lib/check.scm")

;;; 4.1 Primitive expression types

;; 4.1.1 variable references
(define x 28)
(check 'variable-reference x 28)

;; 4.1.2 literal expressions
(check 'quote-symbol (quote a) 'a)
(check 'quote-vector (quote #(a b c)) (vector 'a 'b 'c))
(check 'quote-list (quote (+ 1 2)) (list '+ 1 2))
(check 'quote-abbrev-vector '#(a b c) (vector 'a 'b 'c))
(check 'quote-empty '() (list))
(check 'quote-quote '(quote a) (list 'quote 'a))
(check 'quote-quote-abbrev ''a (list 'quote 'a))
(check 'quote-string '"abc" "abc")
(check 'self-eval-string "abc" "abc")
(check 'quote-number '145932 145932)
(check 'self-eval-number 145932 145932)
(check 'quote-boolean '#t #t)
(check 'self-eval-boolean #t #t)
(check 'self-eval-vector #(a 10) (vector 'a 10))
(check 'self-eval-vector-2 #(0 (2 2 2 2) "Anna") (vector 0 '(2 2 2 2) "Anna"))
(check 'self-eval-bytevector #u8(64 65) (bytevector 64 65))
(check 'self-eval-char #\a (integer->char 97))

;; 4.1.3 procedure calls
(check 'call-plus (+ 3 4) 7)
(check 'call-computed-operator ((if #f + *) 3 4) 12)

;; 4.1.4 procedures
(check 'lambda-is-procedure (procedure? (lambda (x) (+ x x))) #t)
(check 'lambda-call ((lambda (x) (+ x x)) 4) 8)
(define reverse-subtract (lambda (x y) (- y x)))
(check 'lambda-reverse-subtract (reverse-subtract 7 10) 3)
(define add4 (let ((x 4)) (lambda (y) (+ x y))))
(check 'lambda-closure (add4 6) 10)
(check 'lambda-rest-only ((lambda x x) 3 4 5 6) '(3 4 5 6))
(check 'lambda-rest-dotted ((lambda (x y . z) z) 3 4 5 6) '(5 6))
(check 'lambda-rest-empty ((lambda (x y . z) z) 3 4) '())
(check 'lambda-fresh-closures
       (let ((mk (lambda () (let ((n 0)) (lambda () (set! n (+ n 1)) n)))))
         (let ((a (mk)) (b (mk)))
           (a) (a)
           (list (a) (b))))
       '(3 1))

;; 4.1.5 conditionals
(check 'if-true (if (> 3 2) 'yes 'no) 'yes)
(check 'if-false (if (> 2 3) 'yes 'no) 'no)
(check 'if-expr (if (> 3 2) (- 3 2) (+ 3 2)) 1)
(check 'if-empty-list-is-true (if '() 'true 'false) 'true)
(check 'if-zero-is-true (if 0 'true 'false) 'true)

;; 4.1.6 assignments
(define x2 2)
(check 'set-before (+ x2 1) 3)
(set! x2 4)
(check 'set-after (+ x2 1) 5)
(check 'set-local (let ((y 1)) (set! y (+ y 10)) y) 11)

;;; 4.2 Derived expression types

;; 4.2.1 conditionals
(check 'cond-1 (cond ((> 3 2) 'greater) ((< 3 2) 'less)) 'greater)
(check 'cond-else (cond ((> 3 3) 'greater) ((< 3 3) 'less) (else 'equal)) 'equal)
(check 'cond-arrow (cond ((assv 'b '((a 1) (b 2))) => cadr) (else #f)) 2)
(check 'cond-test-only (cond ((memq 'c '(a b c d))) (else 'no)) '(c d))
(check 'cond-body-sequence (cond (#f 1) (#t 'a 'b 'c)) 'c)
(check 'case-composite
       (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))
       'composite)
(check 'case-else-arrow
       (case (car '(c d))
         ((a e i o u) 'vowel)
         ((w y) 'semivowel)
         (else => (lambda (x) x)))
       'c)
(check 'case-vowel
       (case (car '(i d)) ((a e i o u) 'vowel) ((w y) 'semivowel) (else 'consonant))
       'vowel)
(check 'case-clause-arrow (case 5 ((5) => (lambda (n) (* n 10))) (else 0)) 50)
(check 'case-chars (case #\b ((#\a) 1) ((#\b) 2) (else 3)) 2)
(check 'case-eqv-numbers (case 2.0 ((2) 'exact-two) ((2.0) 'inexact-two) (else 'none))
       'inexact-two)
(check 'and-1 (and (= 2 2) (> 2 1)) #t)
(check 'and-2 (and (= 2 2) (< 2 1)) #f)
(check 'and-last-value (and 1 2 'c '(f g)) '(f g))
(check 'and-empty (and) #t)
(check 'and-short-circuit (let ((n 0)) (and #f (set! n 1)) n) 0)
(check 'or-1 (or (= 2 2) (> 2 1)) #t)
(check 'or-2 (or (= 2 2) (< 2 1)) #t)
(check 'or-3 (or #f #f #f) #f)
(check 'or-short-circuit (or (memq 'b '(a b c)) (/ 3 0)) '(b c))
(check 'or-empty (or) #f)
(check 'when-true (when (= 1 1.0) 'a 'b) 'b)
(check 'when-side-effect (let ((n 0)) (when (> 1 2) (set! n 1)) n) 0)
(check 'unless-false (unless (= 1 2) 'a 'b) 'b)
(check 'unless-side-effect (let ((n 0)) (unless (< 1 2) (set! n 1)) n) 0)
(check 'cond-expand-r7rs (cond-expand (r7rs 'yes) (else 'no)) 'yes)
(check 'cond-expand-and-not
       (cond-expand ((and r7rs (not no-such-feature-xyzzy)) 'yes) (else 'no))
       'yes)
(check 'cond-expand-or
       (cond-expand ((or no-such-feature-xyzzy r7rs) 'yes) (else 'no))
       'yes)
(check 'cond-expand-missing
       (cond-expand (no-such-feature-xyzzy 'yes) (else 'no))
       'no)
(check 'cond-expand-library
       (cond-expand ((library (scheme base)) 'yes) (else 'no))
       'yes)

;; 4.2.2 binding constructs
(check 'let-basic (let ((x 2) (y 3)) (* x y)) 6)
(check 'let-scope (let ((x 2) (y 3)) (let ((x 7) (z (+ x y))) (* z x))) 35)
(check 'let*-scope (let ((x 2) (y 3)) (let* ((x 7) (z (+ x y))) (* z x))) 70)
(check 'let*-empty (let* () 5) 5)
(check 'letrec-even-odd
       (letrec ((even? (lambda (n) (if (zero? n) #t (odd? (- n 1)))))
                (odd? (lambda (n) (if (zero? n) #f (even? (- n 1))))))
         (even? 88))
       #t)
(check 'letrec*-sequential
       (letrec* ((p (lambda (x) (+ 1 (q (- x 1)))))
                 (q (lambda (y) (if (zero? y) 0 (+ 1 (p (- y 1))))))
                 (x (p 5))
                 (y x))
         y)
       5)
(check 'let-values-sqrt
       (let-values (((root rem) (exact-integer-sqrt 32))) (* root rem))
       35)
(check 'let-values-rest
       (let-values (((a . rest) (values 1 2 3)) (all (values 4 5)))
         (list a rest all))
       '(1 (2 3) (4 5)))
(check 'let-values-parallel-scope
       (let ((a 'outer))
         (let-values (((a) (values 1)) ((b) (values a)))
           (list a b)))
       '(1 outer))
(check 'let*-values-swap
       (let ((a 'a) (b 'b) (x 'x) (y 'y))
         (let*-values (((a b) (values x y))
                       ((x y) (values a b)))
           (list a b x y)))
       '(x y x y))

;; 4.2.3 sequencing
(define x3 0)
(check 'begin-sequence (and (= x3 0) (begin (set! x3 5) (+ x3 1))) 6)

;; 4.2.4 iteration
(check 'do-vector
       (do ((vec (make-vector 5))
            (i 0 (+ i 1)))
           ((= i 5) vec)
         (vector-set! vec i i))
       #(0 1 2 3 4))
(check 'do-sum
       (let ((x '(1 3 5 7 9)))
         (do ((x x (cdr x))
              (sum 0 (+ sum (car x))))
             ((null? x) sum)))
       25)
(check 'do-no-result-exprs-loop-count
       (let ((n 0)) (do ((i 0 (+ i 1))) ((= i 4)) (set! n (+ n i))) n)
       6)
(check 'do-fresh-binding-per-iteration
       (let ((procs '()))
         (do ((i 0 (+ i 1))) ((= i 3))
           (set! procs (cons (lambda () i) procs)))
         (map (lambda (p) (p)) procs))
       '(2 1 0))
(check 'named-let
       (let loop ((numbers '(3 -2 1 6 -5))
                  (nonneg '())
                  (neg '()))
         (cond ((null? numbers) (list nonneg neg))
               ((>= (car numbers) 0)
                (loop (cdr numbers) (cons (car numbers) nonneg) neg))
               ((< (car numbers) 0)
                (loop (cdr numbers) nonneg (cons (car numbers) neg)))))
       '((6 1 3) (-5 -2)))
(check 'named-let-tail-loop
       (let loop ((i 0)) (if (< i 1000000) (loop (+ i 1)) i))
       1000000)

;; 4.2.5 delayed evaluation
(check 'force-delay (force (delay (+ 1 2))) 3)
(check 'force-twice (let ((p (delay (+ 1 2)))) (list (force p) (force p))) '(3 3))
(define integers
  (letrec ((next (lambda (n) (delay (cons n (next (+ n 1)))))))
    (next 0)))
(define (head stream) (car (force stream)))
(define (tail stream) (cdr (force stream)))
(check 'delay-stream (head (tail (tail integers))) 2)
(define (stream-filter p? s)
  (delay-force
   (if (null? (force s))
       (delay '())
       (let ((h (car (force s)))
             (t (cdr (force s))))
         (if (p? h)
             (delay (cons h (stream-filter p? t)))
             (stream-filter p? t))))))
(check 'delay-force-stream (head (tail (tail (stream-filter odd? integers)))) 5)
(check 'delay-force-stream-long (head (stream-filter (lambda (n) (= n 100000)) integers)) 100000)
(define count 0)
(define p
  (delay (begin (set! count (+ count 1))
                (if (> count x4) count (force p)))))
(define x4 5)
(check 'promise-reentrant-force (force p) 6)
(check 'promise-memoized (begin (set! x4 10) (force p)) 6)
(check 'promise-once
       (let* ((n 0) (q (delay (begin (set! n (+ n 1)) n))))
         (force q) (force q)
         n)
       1)
(check 'promise?-delay (promise? (delay 1)) #t)
(check 'promise?-other (promise? 1) #f)
(check 'make-promise-force (force (make-promise 5)) 5)
(check 'make-promise-is-promise (promise? (make-promise 5)) #t)
(check 'make-promise-of-promise
       (let ((q (delay 1))) (eq? q (make-promise q)))
       #t)
(check 'delay-force-iterative
       (letrec ((loop (lambda (n) (delay-force (if (= n 0) (delay 'done) (loop (- n 1)))))))
         (force (loop 100000)))
       'done)

;; 4.2.6 dynamic bindings
(define radix
  (make-parameter
   10
   (lambda (x)
     (if (and (exact-integer? x) (<= 2 x 16))
         x
         (error "invalid radix")))))
(define (f n) (number->string n (radix)))
(check 'parameter-default (f 12) "12")
(check 'parameterize (parameterize ((radix 2)) (f 12)) "1100")
(check 'parameter-restored (f 12) "12")
(check 'parameterize-converter-error
       (guard (e ((error-object? e) (error-object-message e)))
         (parameterize ((radix 0)) (f 12)))
       "invalid radix")
(define doubled (make-parameter 10 (lambda (x) (* x 2))))
(check 'parameter-converter-initial (doubled) 20)
(check 'parameterize-converter (parameterize ((doubled 3)) (doubled)) 6)
(check 'parameterize-several
       (let ((a (make-parameter 1)) (b (make-parameter 2)))
         (parameterize ((a 10) (b 20)) (list (a) (b))))
       '(10 20))
(check 'parameterize-escape-restores
       (let ((a (make-parameter 'outer)))
         (call-with-current-continuation
          (lambda (k) (parameterize ((a 'inner)) (k 'escaped))))
         (a))
       'outer)

;; 4.2.7 exception handling
(check 'guard-arrow
       (guard (condition
               ((assq 'a condition) => cdr)
               ((assq 'b condition)))
         (raise (list (cons 'a 42))))
       42)
(check 'guard-test-only
       (guard (condition
               ((assq 'a condition) => cdr)
               ((assq 'b condition)))
         (raise (list (cons 'b 23))))
       '(b . 23))
(check 'guard-else (guard (e ((string? e) 'string) (else 'other)) (raise 1)) 'other)
(check 'guard-no-raise (guard (e (#t 'caught)) 'fine) 'fine)
(check 'guard-reraise-to-outer
       (guard (e (#t (list 'outer e)))
         (guard (e ((string? e) 'inner))
           (raise 'sym)))
       '(outer sym))
(check 'guard-body-sequence (guard (e (#t 'caught)) 1 2 3) 3)
(check 'guard-error-object
       (guard (e ((error-object? e)
                  (list (error-object-message e) (error-object-irritants e))))
         (error "bad thing" 1 2))
       '("bad thing" (1 2)))

;; 4.2.8 quasiquotation
(check 'qq-1 `(list ,(+ 1 2) 4) '(list 3 4))
(check 'qq-2 (let ((name 'a)) `(list ,name ',name)) '(list a (quote a)))
(check 'qq-splice `(a ,(+ 1 2) ,@(map abs '(4 -5 6)) b) '(a 3 4 5 6 b))
(check 'qq-dotted `((foo ,(- 10 3)) ,@(cdr '(c)) . ,(car '(cons))) '((foo 7) . cons))
(check 'qq-vector `#(10 5 ,(sqrt 4) ,@(map sqrt '(16 9)) 8) #(10 5 2 4 3 8))
(check 'qq-splice-tail (let ((foo '(foo bar)) (@baz 'baz)) `(list ,@foo , @baz))
       '(list foo bar baz))
(check 'qq-nested `(a `(b ,(+ 1 2) ,(foo ,(+ 1 3) d) e) f)
       '(a `(b ,(+ 1 2) ,(foo 4 d) e) f))
(check 'qq-nested-2 (let ((name1 'x) (name2 'y)) `(a `(b ,,name1 ,',name2 d) e))
       '(a `(b ,x ,'y d) e))
(check 'qq-long-form (quasiquote (list (unquote (+ 1 2)) 4)) '(list 3 4))
(check 'qq-quoted-long-form '(quasiquote (list (unquote (+ 1 2)) 4))
       (list 'quasiquote (list 'list (list 'unquote (list '+ 1 2)) 4)))
(check 'qq-splice-empty-at-end `(1 ,@'()) '(1))
(check 'qq-splice-only `(,@(list 1 2)) '(1 2))
(check 'qq-fresh-structure
       (let ((make (lambda (n) `(a ,n))))
         (eq? (make 1) (make 1)))
       #f)

;; 4.2.9 case-lambda
(define range
  (case-lambda
    ((e) (range 0 e))
    ((b e) (do ((r '() (cons e r))
                (e (- e 1) (- e 1)))
               ((< e b) r)))))
(check 'case-lambda-1 (range 3) '(0 1 2))
(check 'case-lambda-2 (range 3 5) '(3 4))
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y z) (+ (+ x y) z))
    (args (apply + args))))
(check 'case-lambda-0 (plus) 0)
(check 'case-lambda-3 (plus 1 2 3) 6)
(check 'case-lambda-rest (plus 1 2 3 4 5) 15)
(define cl-dotted (case-lambda ((a) 'one) ((a b . rest) (list 'many rest))))
(check 'case-lambda-dotted (cl-dotted 1 2 3) '(many (3)))
(check-error 'case-lambda-no-clause ((case-lambda ((a) a) ((a b) b))))

;; 4.1.7 inclusion (last: a missing include could stop the file)
(check 'include (let () (include "_include-helper.scm") (included-double 21)) 42)
