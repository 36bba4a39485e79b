;; Failure: catch and handle, links that carry a death to the linked
;; process, and monitors that report it as a message.
;; Run with: bin/termite examples/failure.scm

;; catch: the whole form returns the handler's value.
(println (catch (lambda (e) (list 'caught e))
           (raise 'oops)
           'not-reached))

;; handle: the raise returns the handler's value and the body goes on.
(println (handle (lambda (e) 10)
           (+ 1 (raise 'need-a-number))))

;; An error raised by error is an error object.
(println (catch (lambda (e) (error-object-message e))
           (error "disk full" 'sda1)))

;; A process that dies alone goes unnoticed by its parent...
(spawn (raise 'unlinked-crash))
(println (? 0.1 'nothing-happened))

;; ...but a linked one's death is raised in the parent, at its next receive.
(println (catch (lambda (e) (list 'linked-process-died e))
           (spawn-link (raise 'crash))
           (? 1 'no-message)))

;; A monitor turns the death into a message: (down REF PID REASON).
(define worker (spawn (recv ('go (car '())))))
(define ref (monitor worker))
(! worker 'go)
(recv
 (('down ,ref pid reason)
  (println "worker died: " (error-object-message reason))))

;; A process that returns ends normally, with the reason normal.
(define quick (spawn 'done))
(define ref2 (monitor quick))
(recv (('down ,ref2 _ reason) (println "quick ended: " reason)))
