;;; The procedures of nodes written in Scheme, over the primitives of
;;; net/prims.go: remote spawn, on, ping, services, migration.

;; (%node-ask NODE WHO OP ARG [TIMEOUT]) asks NODE to do OP with ARG and
;; returns its answer.
(define (%node-ask node who op arg . timeout)
  (%node-decode (%node-call node who op arg (if (pair? timeout) (car timeout) #f))))

;; A process spawned on another node reads and writes the ports of the
;; process that spawned it (as in Erlang): they travel as stand-ins.
(define (%with-ports thunk)
  (let ((in (current-input-port))
        (out (current-output-port))
        (err (current-error-port)))
    (lambda ()
      (parameterize ((current-input-port in)
                     (current-output-port out)
                     (current-error-port err))
        (thunk)))))

(define (remote-spawn node thunk)
  (%node-ask node 'remote-spawn 'spawn (cons (%with-ports thunk) #f)))

(define (remote-spawn-link node thunk)
  (%node-ask node 'remote-spawn-link 'spawn (cons (%with-ports thunk) (self))))

;; (ping NODE [TIMEOUT]) is pong when NODE answers within TIMEOUT seconds
;; (default 5), no-reply otherwise.
(define (ping node . timeout)
  (guard (e (#t 'no-reply))
    (%node-ask node 'ping 'ping #f (if (pair? timeout) (car timeout) 5))))

;; (resolve-service NAME [NODE]) is the pid published as NAME, here or on
;; NODE, or #f.
(define (resolve-service name . node)
  (if (or (null? node) (eq? (car node) (current-node)))
      (%resolve-local name)
      (%node-ask (car node) 'resolve-service 'resolve name)))

;; (%outcome THUNK) is (value V) when THUNK returns V, (raise OBJ) when it
;; raises OBJ.
(define (%outcome thunk)
  (call/cc
   (lambda (k)
     (with-exception-handler
      (lambda (e) (k (list 'raise e)))
      (lambda () (list 'value (thunk)))))))

;; (on NODE THUNK [TIMEOUT]) runs THUNK on NODE and returns its value there;
;; what THUNK raises is raised here, and so is the loss of NODE.
(define (on node thunk . timeout)
  (let* ((me (self))
         (tag (make-tag))
         (pid (remote-spawn node (lambda () (! me (list tag (%outcome thunk))))))
         (ref (monitor pid))
         (result
          (recv ((,tag outcome) outcome)
                (('down ,ref _ reason)
                 (if (eq? reason 'normal)
                     ;; It ended without a word: its answer was dropped.
                     (error "on: the value could not be sent back from" node)
                     (list 'raise reason)))
                (after (if (pair? timeout) (car timeout) +inf.0)
                       (list 'raise 'timeout)))))
    (if (eq? (car result) 'value)
        ;; The process ends right after it answers: its down message
        ;; follows at once.
        (begin (recv (('down ,ref . _) #t) (after 5 #f))
               (cadr result))
        (raise (cadr result)))))

;; (migrate NODE) moves the calling process to NODE, with its mailbox,
;; links and monitors, and returns there. Its pid stays valid: this node
;; forwards what comes for it.
(define (migrate node)
  (call/cc (lambda (k) (%migrate node k))))

(define migrate-task migrate)

;; What a node started with --serve does once its script, if any, is done:
;; wait, while its processes serve its peers.
(define (%serve)
  (let forever () (sleep 86400) (forever)))
