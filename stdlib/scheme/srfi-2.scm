;;; SRFI 2: (and-let* (CLAUSE ...) BODY ...). A clause is (VAR EXPR),
;;; (EXPR) or a bare variable; each must be true for the next to run.
(define-syntax and-let*
  (syntax-rules ()
    ((_ ()) #t)
    ((_ () body ...) (let () body ...))
    ((_ ((var expr) clause ...) body ...)
     (let ((var expr))
       (if var (and-let* (clause ...) body ...) #f)))
    ((_ ((expr) clause ...) body ...)
     (if expr (and-let* (clause ...) body ...) #f))
    ((_ (var clause ...) body ...)
     (if var (and-let* (clause ...) body ...) #f))))
