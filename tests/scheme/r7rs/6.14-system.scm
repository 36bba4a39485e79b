;; R7RS-small section 6.14: system interface.
(include "lib/check.scm")

(define (all? pred lst) (or (null? lst) (and (pred (car lst)) (all? pred (cdr lst)))))

;; 6.14 command-line and environment
(check 'command-line-list-of-strings
       (let ((cl (command-line)))
         (and (list? cl) (pair? cl) (all? string? cl)))
       #t)
(check 'command-line-script-name
       (let* ((name (car (command-line)))
              (suffix "6.14-system.scm")
              (n (string-length name))
              (k (string-length suffix)))
         (and (>= n k) (string=? (substring name (- n k) n) suffix)))
       #t)
(check 'get-environment-variable-path (string? (get-environment-variable "PATH")) #t)
(check 'get-environment-variable-missing
       (get-environment-variable "TERMITE_R7RS_TEST_SURELY_UNSET_VARIABLE")
       #f)
(check 'get-environment-variables
       (let ((env (get-environment-variables)))
         (and (list? env)
              (all? (lambda (p) (and (pair? p) (string? (car p)) (string? (cdr p)))) env)
              (equal? (cdr (assoc "PATH" env)) (get-environment-variable "PATH"))))
       #t)

;; 6.14 time
(check 'current-second-real (real? (current-second)) #t)
(check 'current-second-inexact (inexact? (current-second)) #t)
(check 'current-second-after-2020 (> (current-second) 1.5e9) #t)
(check 'current-jiffy-exact (exact-integer? (current-jiffy)) #t)
(check 'current-jiffy-monotonic
       (let* ((a (current-jiffy)) (b (current-jiffy))) (<= a b))
       #t)
(check 'jiffies-per-second
       (let ((j (jiffies-per-second))) (and (exact-integer? j) (positive? j)))
       #t)
(check 'jiffies-per-second-constant (= (jiffies-per-second) (jiffies-per-second)) #t)

;; 6.14 features
(check 'features-list-of-symbols
       (let ((f (features))) (and (list? f) (all? symbol? f)))
       #t)
(check 'features-has-r7rs (and (memq 'r7rs (features)) #t) #t)
(check 'features-agree-with-cond-expand
       (list (cond-expand (r7rs 'yes) (else 'no))
             (if (memq 'r7rs (features)) 'yes 'no))
       '(yes yes))

;; exit runs outstanding dynamic-wind after thunks, then exits with the status
(dynamic-wind
 (lambda () #f)
 (lambda () (exit 3))
 (lambda () (display "ok exit-runs-after-thunks") (newline)))
(display "FAIL exit-did-not-exit")
(newline)
;; exit: 3
