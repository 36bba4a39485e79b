;; The checks every SRFI test file includes.
(define (check name got expected)
  (if (equal? got expected)
      (begin (display "ok ") (display name))
      (begin (display "FAIL ") (display name) (display ": got ") (write got)
             (display " expected ") (write expected)))
  (newline))

(define-syntax values->list
  (syntax-rules () ((_ e) (call-with-values (lambda () e) list))))

(define (error-message thunk)
  (guard (e ((error-object? e) (error-object-message e)))
    (thunk)
    'no-error))
