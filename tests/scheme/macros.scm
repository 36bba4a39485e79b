;; syntax-rules: literals, ellipses (nested, followed by more patterns,
;; custom and escaped), vectors, local macros, and hygiene in both
;; directions.

(define (show . xs) (for-each display xs) (newline))

;; hygiene: the macro's tmp is not the user's tmp
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define tmp 1)
(define other 2)
(swap! tmp other)
(show tmp " " other)
(let ((tmp 'x) (y 'y))
  (swap! tmp y)
  (show tmp " " y))

(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(let ((t 5)) (show (my-or #f t)))
(show (my-or) " " (my-or #f #f 7))

;; hygiene: the macro's if is the if of its definition, even where the
;; user has bound if to something else
(define-syntax my-unless
  (syntax-rules ()
    ((_ c body ...) (if c #f (begin body ...)))))
(let ((if (lambda args 'shadowed)))
  (show (my-unless #f 'ran) " " (if 1 2 3)))
(let ((if list)) (show (if 1 2 3)))

;; a free identifier in a template means its binding where the macro was
;; defined, not where it is used
(define helper (lambda () 'global-helper))
(define-syntax call-helper (syntax-rules () ((_) (helper))))
(let ((helper (lambda () 'local-helper)))
  (show (call-helper)))
(let ((x 'outer))
  (define-syntax m (syntax-rules () ((_) x)))
  (let ((x 'inner))
    (show (m))))

;; the loop variable of a macro does not capture the user's loop
(define-syntax while
  (syntax-rules ()
    ((_ c body ...) (let loop () (when c body ... (loop))))))
(define i 0)
(define (loop) 'user-loop)
(while (< i 2) (display (loop)) (display " ") (set! i (+ i 1)))
(newline)

;; literals
(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b body ...) (do ((x a (+ x 1))) ((> x b)) body ...))))
(for x in '(1 2 3) (display x))
(newline)
(for k from 1 to 4 (display k))
(newline)
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e ...)) (begin e ...))
    ((_ (c e ...) clause ...) (if c (begin e ...) (my-cond clause ...)))))
(show (my-cond (#f 1) ((= 1 1) 2 3) (else 4)) " " (my-cond (#f 1) (else 4)))

;; ellipsis: zero or more, nested, with patterns after it, dotted
(define-syntax my-list (syntax-rules () ((_ x ...) (list x ...))))
(show (my-list 1 2 3) (my-list))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(show (my-let* ((a 1) (b (+ a 1)) (c (* b 3))) c))
(define-syntax table
  (syntax-rules ()
    ((_ (key val ...) ...) (list (cons 'key (list val ...)) ...))))
(show (table (a 1 2) (b) (c 3)))
(define-syntax my-let
  (syntax-rules ()
    ((_ ((name val) ...) body1 body2 ...) ((lambda (name ...) body1 body2 ...) val ...))))
(show (my-let ((a 1) (b 2)) (+ a b)))
(define-syntax last-of (syntax-rules () ((_ x ... y) 'y)))
(show (last-of 1 2 3) " " (last-of 4))
(define-syntax middle (syntax-rules () ((_ a b ... c) '(b ...))))
(show (middle 1 2 3 4) " " (middle 1 2))
(define-syntax dot (syntax-rules () ((_ a . b) '(a b))))
(show (dot 1 2 3) " " (dot 1))
(define-syntax second (syntax-rules () ((_ _ b . _) 'b)))
(show (second 1 2 3))

;; vector patterns and templates
(define-syntax vec-sum (syntax-rules () ((_ #(x ...)) (+ x ...))))
(show (vec-sum #(1 2 3)))
(define-syntax vec-of (syntax-rules () ((_ x ...) #(x ... end))))
(show (vec-of 1 2))

;; a custom ellipsis, and (... ...) for a literal ellipsis
(define-syntax my-list2 (syntax-rules ::: () ((_ x :::) (list x :::))))
(show (my-list2 1 2 3))
(define-syntax ell (syntax-rules () ((_ x) '(x (... ...)))))
(show (ell 1))

;; macros that expand into definitions and into macro definitions
(define-syntax def-consts
  (syntax-rules () ((_ (n v) ...) (begin (define n v) ...))))
(def-consts (one 1) (two 2))
(show (+ one two))
(define-syntax def-alias
  (syntax-rules ()
    ((_ new old) (define-syntax new (syntax-rules () ((_ . args) (old . args)))))))
(def-alias plus +)
(show (plus 1 2 3))
(define (body-defs)
  (def-consts (a 10) (b 20))
  (+ a b))
(show (body-defs))

;; local macros
(show (let-syntax ((double (syntax-rules () ((_ x) (* x 2))))) (double 21)))
(show (letrec-syntax
          ((my-and (syntax-rules ()
                     ((_) #t)
                     ((_ e) e)
                     ((_ e r ...) (if e (my-and r ...) #f)))))
        (my-and 1 2 3)))
(show (let ((x 'outer))
        (let-syntax ((get-x (syntax-rules () ((_) x))))
          (let ((x 'inner))
            (get-x)))))

;; a macro argument is evaluated where it is used, as often as it appears
(define count 0)
(define-syntax twice (syntax-rules () ((_ e) (begin e e))))
(twice (set! count (+ count 1)))
(show count)
