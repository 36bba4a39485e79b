;;; SRFI 8: (receive FORMALS EXPR BODY...) binds the values of EXPR.
(define-syntax receive
  (syntax-rules ()
    ((_ formals expr body ...)
     (call-with-values (lambda () expr) (lambda formals body ...)))))
