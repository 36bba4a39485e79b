;; R7RS-small section 4.2.2: letrec evaluates every init before it assigns
;; any variable ("the <variable>s are bound to fresh locations holding
;; unspecified values, the <init>s are evaluated in the resulting
;; environment (in some unspecified order), each <variable> is assigned to
;; the result of the corresponding <init>"), while letrec* assigns each
;; variable right after its own init. The variables are locations: a
;; continuation of an init, re-entered, assigns them again, and every
;; closure over them sees it.
(include "lib/check.scm")

;; b's init returns twice. The second time, letrec assigns a again from
;; the value its init gave (a fresh list made before the first return of
;; b's init), so the body's (set! a 'changed) is undone: ((a) b2).
;; letrec* assigned a before b's init ran, and re-entering b's init
;; assigns only b: a keeps the body's assignment, (changed b2).
(define-syntax reentry
  (syntax-rules ()
    ((_ letrec-form)
     (let ((k #f))
       (letrec-form ((a (list 'a))
                     (b (call-with-current-continuation (lambda (c) (set! k c) 'b))))
         (if k
             (let ((c k))
               (set! k #f)
               (set! a 'changed)
               (c 'b2))
             (list a b)))))))
(check 'letrec-assigns-all-again (reentry letrec) '((a) b2))
(check 'letrec*-assigns-in-order (reentry letrec*) '(changed b2))

;; The first time x is (#t c); the body re-enters x's init with a list
;; holding a closure over x. x is then assigned that list, in the same
;; location the closure reads: the closure returns x itself.
(define-syntax closure-sees-reassignment
  (syntax-rules ()
    ((_ letrec-form)
     (letrec-form ((x (call-with-current-continuation (lambda (c) (list #t c)))))
       (if (car x)
           ((cadr x) (list #f (lambda () x)))
           (eq? x ((cadr x))))))))
(check 'letrec-closure-sees-reassignment (closure-sees-reassignment letrec) #t)
(check 'letrec*-closure-sees-reassignment (closure-sees-reassignment letrec*) #t)
;; An internal definition is letrec* (5.3.2): the same holds in a body.
(define (internal-definition)
  (define x (call-with-current-continuation (lambda (c) (list #t c))))
  (if (car x)
      ((cadr x) (list #f (lambda () x)))
      (eq? x ((cadr x)))))
(check 'define-closure-sees-reassignment (internal-definition) #t)
;; A closure made by a later definition, kept from the first pass, reads
;; the same location as the one made again after the re-entry.
(define old-get #f)
(define (later-closure)
  (define k (call-with-current-continuation (lambda (c) c)))
  (define (get) k)
  (if (procedure? k)
      (begin (set! old-get get) (k 'second))
      (list k (get) (old-get))))
(check 'define-later-closure (later-closure) '(second second second))

;; Each (call/cc x) and (call/cc y) of the `and` re-enters an init with the
;; continuation of that call; the cond then finds that continuation in x or
;; y and returns #t to it, because the other variable was assigned from the
;; same pass through the inits, a list. So the `and` is #t.
(check 'letrec-two-continuations
       (letrec ((x (call-with-current-continuation list))
                (y (call-with-current-continuation list)))
         (cond ((procedure? x) (x (pair? y)))
               ((procedure? y) (y (pair? x))))
         (let ((x (car x)) (y (car y)))
           (and (call-with-current-continuation x)
                (call-with-current-continuation y)
                (call-with-current-continuation x))))
       #t)

;; Inits that are all lambdas see each other as usual.
(check 'letrec-mutual-recursion
       (letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1)))))
                (odd? (lambda (n) (if (= n 0) #f (even? (- n 1))))))
         (list (even? 100) (odd? 7)))
       '(#t #t))
(check 'letrec-mixed-inits
       (letrec ((f (lambda () (* 2 n)))
                (n (+ 1 2)))
         (f))
       6)
