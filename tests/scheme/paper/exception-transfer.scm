;; Exceptions cross process boundaries only along links.
(define (some-work) 'done)

(write (catch
        (lambda (exc) (list 'transfer-will-fail exc))
        (spawn (raise 'err))            ; not linked: nothing happens here
        (? 0.1 'ok)                     ; a timed receive: a way to sleep
        (some-work)))
(newline)

(write (catch
        (lambda (exc) (list 'transfer-succeeds exc))
        (spawn-link (raise 'err))       ; linked: raised at our next receive
        (? 1 'ok)
        (some-work)))
(newline)

;; A normal exit of a linked process is not an error.
(write (catch
        (lambda (exc) (list 'unexpected exc))
        (spawn-link 'finished)
        (? 0.1 'ok)
        (some-work)))
(newline)
