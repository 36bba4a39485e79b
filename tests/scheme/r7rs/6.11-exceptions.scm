;; R7RS-small section 6.11: exceptions.
(include "lib/check.scm")

;; with-exception-handler (report examples)
(check 'handler-escape
       (call-with-current-continuation
        (lambda (k)
          (with-exception-handler
           (lambda (e) (k (list 'condition e)))
           (lambda () (+ 1 (raise 'an-error))))))
       '(condition an-error))
(check 'raise-continuable
       (with-exception-handler
        (lambda (con)
          (cond ((string? con) 42)
                (else 99)))
        (lambda ()
          (+ (raise-continuable "should be a number") 23)))
       65)
(check 'raise-continuable-2
       (with-exception-handler (lambda (e) 10) (lambda () (+ 1 (raise-continuable 'c))))
       11)
(check 'handler-return-from-raise-is-error
       (guard (e (#t 'secondary-raised))
         (with-exception-handler
          (lambda (e) 'ignored)
          (lambda () (raise 'boom))))
       'secondary-raised)
(check 'handler-runs-with-outer-handler
       (guard (e (#t (list 'outer e)))
         (with-exception-handler
          (lambda (e) (raise (list 'wrapped e)))
          (lambda () (raise 'inner))))
       '(outer (wrapped inner)))
(check 'nested-continuable-handlers
       (with-exception-handler
        (lambda (e) (list 'outer-saw e))
        (lambda ()
          (with-exception-handler
           (lambda (e) (raise-continuable (list 'inner-saw e)))
           (lambda () (raise-continuable 'x)))))
       '(outer-saw (inner-saw x)))
(check 'handler-gets-raised-object
       (call/cc (lambda (k)
                  (with-exception-handler
                   (lambda (e) (k (vector e)))
                   (lambda () (raise 42)))))
       #(42))
(check 'handler-installed-only-during-thunk
       (guard (e (#t (list 'outer e)))
         (with-exception-handler
          (lambda (e) (list 'handler e))
          (lambda () 'no-raise))
         (raise 'later))
       '(outer later))
(check 'handler-returns-thunk-value
       (with-exception-handler (lambda (e) 0) (lambda () (+ 2 3)))
       5)

;; raise of arbitrary objects
(check 'raise-symbol (guard (e ((symbol? e) (list 'sym e))) (raise 'oops)) '(sym oops))
(check 'raise-string (guard (e ((string? e) e)) (raise "str")) "str")
(check 'raise-number (guard (e ((number? e) (* e 2))) (raise 21)) 42)
(check 'raise-list (guard (e ((pair? e) (car e))) (raise (list 'a 'b))) 'a)
(check 'raise-record
       (let ()
         (define-record-type my-cond (make-my-cond v) my-cond? (v my-cond-v))
         (guard (e ((my-cond? e) (my-cond-v e))) (raise (make-my-cond 'payload))))
       'payload)

;; guard details
(check 'guard-reraise-continuable-to-handler
       (with-exception-handler
        (lambda (e) 42)
        (lambda ()
          (+ 1 (guard (e ((string? e) 0))
                 (raise-continuable 'x)))))
       43)
(check 'guard-else (guard (e (else 'else-clause)) (raise 1)) 'else-clause)
(check 'guard-arrow (guard (e ((memq e '(a b c)) => cdr)) (raise 'b)) '(c))
(check 'guard-values (vals (guard (e (#t 0)) (values 1 2))) '(1 2))
(check 'guard-nested-inner-catches
       (guard (e (#t 'outer))
         (guard (e ((eq? e 'x) 'inner))
           (raise 'x)))
       'inner)
(check 'guard-clause-raise-goes-outward
       (guard (e (#t (list 'outer e)))
         (guard (e (#t (raise (list 'from-clause e))))
           (raise 'x)))
       '(outer (from-clause x)))

(check 'guard-reraise-in-raise-dynamic-environment
       (let ((trail '()))
         (guard (e (#t (set! trail (cons (list 'outer e) trail))))
           (guard (e (#f 'never))
             (dynamic-wind
              (lambda () (set! trail (cons 'in trail)))
              (lambda () (raise 'x))
              (lambda () (set! trail (cons 'out trail))))))
         (reverse trail))
       '(in out in out (outer x)))

;; error and error objects
(check 'error-message-irritants
       (guard (e ((error-object? e)
                  (list (error-object-message e) (error-object-irritants e))))
         (error "Something bad" 1 'two "three"))
       '("Something bad" (1 two "three")))
(check 'error-no-irritants
       (guard (e ((error-object? e) (error-object-irritants e)))
         (error "plain"))
       '())
(check 'error-object?-non-error (error-object? 'sym) #f)
(check 'error-object?-string (error-object? "message") #f)
(check 'error-object?-error
       (guard (e (#t (error-object? e))) (error "x"))
       #t)
(define (null-list? l)
  (cond ((pair? l) #f)
        ((null? l) #t)
        (else (error "null-list?: argument out of domain" l))))
(check 'error-report-example
       (guard (e (#t (list (error-object-message e) (error-object-irritants e))))
         (null-list? 5))
       '("null-list?: argument out of domain" (5)))
(check 'error-with-handler
       (call/cc
        (lambda (k)
          (with-exception-handler
           (lambda (e) (k (error-object-message e)))
           (lambda () (error "via handler" 'x)))))
       "via handler")
(check 'error-object-irritant-identity
       (let ((irritant (list 1 2)))
         (guard (e (#t (eq? irritant (car (error-object-irritants e)))))
           (error "msg" irritant)))
       #t)

;; read-error? and file-error?
(check 'read-error?-incomplete-list
       (guard (e ((read-error? e) 'read-error) (#t (list 'other e)))
         (read (open-input-string "(1 2")))
       'read-error)
(check 'read-error?-unterminated-string
       (guard (e ((read-error? e) 'read-error) (#t (list 'other e)))
         (read (open-input-string "\"abc")))
       'read-error)
(check 'read-error?-not-file-error
       (guard (e (#t (file-error? e)))
         (read (open-input-string "(1 2")))
       #f)
(check 'file-error?-open-input
       (guard (e ((file-error? e) 'file-error) (#t (list 'other e)))
         (open-input-file "/nonexistent-termite-dir/missing-file.txt"))
       'file-error)
(check 'file-error?-with-input-from-file
       (guard (e ((file-error? e) 'file-error) (#t (list 'other e)))
         (with-input-from-file "/nonexistent-termite-dir/missing-file.txt" read-char))
       'file-error)
(check 'file-error?-open-output
       (guard (e ((file-error? e) 'file-error) (#t (list 'other e)))
         (open-output-file "/nonexistent-termite-dir/out.txt"))
       'file-error)
(check 'file-error?-not-read-error
       (guard (e (#t (read-error? e)))
         (open-input-file "/nonexistent-termite-dir/missing-file.txt"))
       #f)
(check 'file-error?-other-objects (list (file-error? 'x) (file-error? "x")) '(#f #f))
(check 'read-error?-other-objects (list (read-error? 'x) (read-error? "x")) '(#f #f))
(check 'error-is-neither
       (guard (e (#t (list (read-error? e) (file-error? e)))) (error "plain"))
       '(#f #f))
