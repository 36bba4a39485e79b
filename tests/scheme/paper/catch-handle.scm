;; catch: the whole form returns the handler's value; handle: the raise
;; returns it and the body goes on.
(define trace '())
(define (note x) (set! trace (cons x trace)))

(write (catch
        (lambda (exc) exc)
        (note 'some-work)
        (raise 'err)
        (note 'some-more-work)
        'final))
(newline)
(write (reverse trace))
(newline)

(set! trace '())
(write (handle
        (lambda (exc) (list 'handled exc))
        (note 'some-work)
        (note (raise 'err))
        (note 'some-more-work)
        'final))
(newline)
(write (reverse trace))
(newline)
