;;; SRFI 26: (cut PROC SLOT ...) and (cute PROC SLOT ...) specialize a
;;; procedure call: <> is a parameter, <...> the rest; cute evaluates the
;;; non-slot expressions once, when the procedure is made.
(define-syntax %cut
  (syntax-rules (<> <...>)
    ((_ (param ...) (call ...)) (lambda (param ...) (call ...)))
    ((_ (param ...) (call ...) <...>)
     (lambda (param ... . rest) (apply call ... rest)))
    ((_ (param ...) (call ...) <> slot ...)
     (%cut (param ... x) (call ... x) slot ...))
    ((_ (param ...) (call ...) e slot ...)
     (%cut (param ...) (call ... e) slot ...))))

(define-syntax cut
  (syntax-rules ()
    ((_ slot ...) (%cut () () slot ...))))

(define-syntax %cute
  (syntax-rules (<> <...>)
    ((_ (binding ...) (param ...) (call ...))
     (let (binding ...) (lambda (param ...) (call ...))))
    ((_ (binding ...) (param ...) (call ...) <...>)
     (let (binding ...) (lambda (param ... . rest) (apply call ... rest))))
    ((_ (binding ...) (param ...) (call ...) <> slot ...)
     (%cute (binding ...) (param ... x) (call ... x) slot ...))
    ((_ (binding ...) (param ...) (call ...) e slot ...)
     (%cute (binding ... (t e)) (param ...) (call ... t) slot ...))))

(define-syntax cute
  (syntax-rules ()
    ((_ slot ...) (%cute () () () slot ...))))
