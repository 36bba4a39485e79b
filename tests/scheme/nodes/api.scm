;; The node procedures: values, errors, services, remote work.
(define n (make-node "127.0.0.1" 4000))
(write (list (node? n) (node? 'n) (node-host n) (node-port n))) (newline)
(write (eq? n (make-node "127.0.0.1" 4000))) (newline)
(define here (current-node))                    ; asking makes this program a node
(write (list (node? here) (node-host here) (eq? here (current-node)))) (newline)

(define worker (spawn-node))
(write (eq? here (current-node))) (newline)
(write (equal? (node-host worker) "127.0.0.1")) (newline)
(write (ping worker)) (newline)

;; Nodes, tags and pids keep their identity through a round trip.
(define tag (make-tag))
(define me (self))
(define back (on worker (lambda () (list tag me (current-node) worker))))
(write (list (eq? (car back) tag) (eq? (cadr back) me) (eq? (caddr back) worker)))
(newline)

;; on: a raise there is raised here
(write (catch (lambda (e) (list 'caught e)) (on worker (lambda () (raise 'oops)))))
(newline)
(write (catch (lambda (e) (error-object-message e))
              (on worker (lambda () (car '())))))
(newline)
(write (catch (lambda (e) e) (on worker (lambda () (sleep 10)) 0.2))) (newline)

;; services
(define echo (remote-spawn worker (lambda ()
                                    (publish-service 'echo (self))
                                    (let loop ()
                                      (recv ((from tag msg) (! from (list tag msg))))
                                      (loop)))))
(sleep 0.2)
(define found (resolve-service 'echo worker))
(write (eq? found echo)) (newline)
(write (!? found 'hello)) (newline)
(write (resolve-service 'nothing worker)) (newline)
(publish-service 'me (self))
(write (eq? (resolve-service 'me) (self))) (newline)
(unpublish-service 'me)
(write (resolve-service 'me)) (newline)
;; The service of a process that ended is gone, here and from elsewhere.
(define short-lived (spawn (lambda () (publish-service 'short (self)) (! (?) 'published))))
(! short-lived (self))
(?)
(sleep 0.05)
(write (list (resolve-service 'short)
             (on worker (lambda () (resolve-service 'short (pid-node short-lived))))))
(newline)

;; A node that does not answer.
(define nobody (make-node "127.0.0.1" 1))
(write (ping nobody 1)) (newline)
(! (on worker self) 'lost-in-the-void)    ; a send to a dead process is silent
(write (catch (lambda (e) (error-object-message e))
              (remote-spawn nobody (lambda () 1))))
(newline)

;; A value that cannot travel back is an error, not a silent loss.
(write (catch (lambda (e) (error-object-message e))
              (on worker (lambda () (expt 2 600000)))))  ; over the bignum limit here
(newline)
