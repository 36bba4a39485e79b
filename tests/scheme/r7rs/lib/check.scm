;; The checks every file of tests/scheme/r7rs includes.
(define (check-report name ok? got expected)
  (if ok?
      (begin (display "ok ") (display name) (newline))
      (begin (display "FAIL ") (display name) (display ": got ")
             (write got) (display " expected ") (write expected) (newline))))
;; (check 'name EXPR EXPECTED): EXPR's value must be equal? to EXPECTED.
;; A raise inside EXPR is caught and reported as (raised ...).
(define-syntax check
  (syntax-rules ()
    ((_ name expr expected)
     (let ((got (guard (e ((error-object? e)
                           (list 'raised (error-object-message e)
                                 (error-object-irritants e)))
                          (#t (list 'raised e)))
                  expr))
           (want expected))
       (check-report name (equal? got want) got want)))))
;; (check-error 'name EXPR): evaluating EXPR must raise something.
(define-syntax check-error
  (syntax-rules ()
    ((_ name expr)
     (let ((got (guard (e (#t 'raised)) (list 'returned expr))))
       (check-report name (eq? got 'raised) got 'an-error)))))
;; All the values of EXPR as a list.
(define-syntax vals
  (syntax-rules ()
    ((_ expr) (call-with-values (lambda () expr) list))))
