;; The load balancer of the Termite paper: a meter on each node reports
;; its load to a supervisor, which keeps the latest loads in a dict; a
;; dispatcher runs each job on the least loaded node, in a process that
;; migrates there. Run with: bin/termite examples/load-balancer.scm

(define (start-meter supervisor)
  (let loop ()
    (! supervisor (list 'load-report (self) (local-loadavg)))
    (recv (after 0.5 'ok))              ; sleep for half a second
    (loop)))

(define (find-min entries)              ; the (meter . load) with least load
  (let loop ((best (car entries)) (rest (cdr entries)))
    (cond ((null? rest) best)
          ((< (cdar rest) (cdr best)) (loop (car rest) (cdr rest)))
          (else (loop best (cdr rest))))))

(define (find-avg entries)
  (/ (apply + (map cdr entries)) (length entries)))

(define (meter-supervisor meter-list)
  (let loop ((meters (make-dict)))
    (recv
     (('load-report from load)
      (loop (dict-set meters from load)))
     ((from tag 'average-load)
      (! from (list tag (find-avg (dict->list meters))))
      (loop meters))
     ((from tag 'minimum-load)
      (! from (list tag (pid-node (car (find-min (dict->list meters))))))
      (loop meters))
     ((from tag 'reports)               ; not in the paper: how many meters
      (! from (list tag (dict-count meters))) ; have reported
      (loop meters)))))

(define (min-load-node supervisor)
  (!? supervisor 'minimum-load))

(define (avg-load supervisor)
  (!? supervisor 'average-load))

(define (start-meter-supervisor node-list)
  (spawn
   (let ((supervisor (self)))
     (meter-supervisor
      (map (lambda (node)
             (spawn
              (migrate node)
              (start-meter supervisor)))
           node-list)))))

(define (start-work-dispatcher load-server)
  (spawn
   (let loop ()
     (recv
      ((from tag ('dispatch thunk))
       (let ((min-loaded-node (min-load-node load-server)))
         (spawn
          (migrate min-loaded-node)
          (! from (list tag (thunk)))))))
     (loop))))

(define (dispatch dispatcher thunk)
  (!? dispatcher (list 'dispatch thunk)))

;; Three worker nodes on this machine.
(define nodes (list (spawn-node) (spawn-node) (spawn-node)))
(define supervisor (start-meter-supervisor nodes))
(let wait ()                            ; until every meter has reported
  (when (< (!? supervisor 'reports) (length nodes))
    (sleep 0.05)
    (wait)))

(println "least loaded is a worker: " (and (memq (min-load-node supervisor) nodes) #t))
(println "average load is a number: " (real? (avg-load supervisor)))

(define dispatcher (start-work-dispatcher supervisor))
(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(define results
  (map (lambda (n)
         (dispatch dispatcher (lambda () (list (fib n) (current-node)))))
       '(20 21 22)))
(println "results: " (map car results))
(println "each ran on a worker: "
         (map (lambda (r) (and (memq (cadr r) nodes) #t)) results))
