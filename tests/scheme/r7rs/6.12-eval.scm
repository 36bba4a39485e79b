;; R7RS-small section 6.12: environments and evaluation.
(include "lib/check.scm")

(check 'eval-report-example (eval '(* 7 3) (environment '(scheme base))) 21)
(check 'eval-null-environment-example
       (let ((f (eval '(lambda (f x) (f x x)) (null-environment 5))))
         (f + 10))
       20)
(check 'eval-scheme-report-environment (eval '(+ 1 2) (scheme-report-environment 5)) 3)
(check 'eval-self-evaluating (eval 5 (environment '(scheme base))) 5)
(check 'eval-quoted (eval ''(a b) (environment '(scheme base))) '(a b))
(check 'eval-derived-syntax
       (eval '(let-values (((a b) (values 1 2))) (+ a b)) (environment '(scheme base)))
       3)
(check 'eval-returns-procedure
       ((eval '(lambda (x) (* x x)) (environment '(scheme base))) 5)
       25)
(check 'eval-procedure-argument
       (eval (list 'quote (list 1 2)) (environment '(scheme base)))
       '(1 2))
(check 'environment-two-libraries
       (eval '(list (car '(1)) (sqrt 16)) (environment '(scheme base) '(scheme inexact)))
       '(1 4))
(check 'environment-only (eval '(sqrt 16) (environment '(only (scheme inexact) sqrt))) 4)
(check 'environment-rename
       (eval '(my-sqrt 16) (environment '(rename (scheme inexact) (sqrt my-sqrt))))
       4)
(check 'environment-prefix (eval '(b:+ 1 2) (environment '(prefix (scheme base) b:))) 3)
(check-error 'environment-only-imported-bindings
             (eval 'display (environment '(scheme base))))
(check-error 'environment-except
             (eval '(car '(1)) (environment '(except (scheme base) car))))
(check 'interaction-environment-eval (eval '(+ 1 2) (interaction-environment)) 3)
(check 'interaction-environment-define
       (begin
         (eval '(define eval-defined-var 5) (interaction-environment))
         (eval 'eval-defined-var (interaction-environment)))
       5)
(check 'interaction-environment-set!
       (begin
         (eval '(define eval-counter 0) (interaction-environment))
         (eval '(set! eval-counter (+ eval-counter 1)) (interaction-environment))
         (eval 'eval-counter (interaction-environment)))
       1)
(check 'eval-error-is-catchable
       (guard (e ((error-object? e) (error-object-message e)))
         (eval '(error "from eval" 1) (environment '(scheme base))))
       "from eval")
