;; Across nodes: what one process sends another arrives in the order it
;; was sent; a linked process that ends normally raises nothing; links
;; work both ways, and unlink undoes them.
(define me (self))
(define worker (spawn-node))
(define other (spawn-node))

;; Per-pair order: five senders, three here and two on another node, send
;; 1000 numbered messages each to one process of the worker, all at once.
;; It checks that each sender's numbers come in order, with none lost.
(define senders 5)
(define messages-each 1000)          ; not `count`, a standard name: see serialize/FORMAT.md, "Code and globals"
(define receiver
  (remote-spawn
   worker
   (lambda ()
     (let ((next (make-vector senders 0)) ; the number expected from each
           (out-of-order 0))
       (let loop ((left (* senders messages-each)))
         (if (> left 0)
             (recv (('msg k i)
                    (if (not (= i (vector-ref next k)))
                        (set! out-of-order (+ out-of-order 1)))
                    (vector-set! next k (+ i 1))
                    (loop (- left 1)))
                   (after 20 #f))))
       (! me (list 'received (vector->list next) out-of-order))))))
(define (send-all k)
  (lambda ()
    (do ((i 0 (+ i 1))) ((= i messages-each)) (! receiver (list 'msg k i)))
    (! me (list 'sent k))))
(for-each (lambda (k) (spawn (send-all k))) '(0 1 2))
(for-each (lambda (k) (remote-spawn other (send-all k))) '(3 4))
(for-each (lambda (_) (recv (('sent k) #t) (after 20 #f))) (iota senders))
(recv (('received next out-of-order)
       (write next) (newline)
       (write out-of-order) (newline))
      (after 20 (display "no answer") (newline)))

;; (linked-outcome THUNK [WAIT]) runs THUNK in a process of this node and
;; says whether it raised what its links brought, then or within WAIT
;; seconds (default 0.5).
(define (linked-outcome thunk . wait)
  (spawn (lambda ()
           (! me (list 'outcome
                       (catch (lambda (e) (list 'raised e))
                              (thunk)
                              (? (if (pair? wait) (car wait) 0.5) 'no-raise))))))
  (recv (('outcome o) o)))

;; A remote-spawn-link'd process that ends normally raises nothing here.
(write (linked-outcome
        (lambda ()
          (let* ((p (remote-spawn-link worker (lambda () 'done)))
                 (ref (monitor p)))
            (recv (('down ,ref _ reason) reason))))))
(newline)
;; Nor does one linked with link that ends normally.
(write (linked-outcome
        (lambda ()
          (let* ((p (remote-spawn worker (lambda () (? 10))))
                 (ref (monitor p)))
            (link p)
            (! p 'go)
            (recv (('down ,ref _ reason) reason))))))
(newline)
;; While one that dies there does (to show the links work at all).
(write (linked-outcome
        (lambda ()
          (let ((p (remote-spawn-link worker (lambda () (? 10) (raise 'boom)))))
            (! p 'go)))
        10))
(newline)

;; After unlink, a death there raises nothing here.
(write (linked-outcome
        (lambda ()
          (let* ((p (remote-spawn-link worker (lambda () (? 10) (raise 'boom))))
                 (ref (monitor p)))
            (unlink p)
            (! p 'go)
            (recv (('down ,ref _ reason) reason))))))
(newline)
;; The same when the process there unlinks itself from this one.
(write (linked-outcome
        (lambda ()
          (let* ((here (self))
                 (p (remote-spawn-link worker
                                       (lambda ()
                                         (unlink here)
                                         (! here 'unlinked)
                                         (? 10)
                                         (raise 'boom))))
                 (ref (monitor p)))
            (recv ('unlinked #t))
            (! p 'go)
            (recv (('down ,ref _ reason) reason))))))
(newline)

;; Links go both ways: a process there linked to one here dies of its
;; death, unless it unlinked first.
(define (remote-watcher unlink-first?)
  (let* ((victim (spawn (lambda () (? 10) (raise 'local-boom))))
         (watcher
          (remote-spawn worker
                        (lambda ()
                          (link victim)
                          (if unlink-first? (unlink victim))
                          (! me 'ready)
                          (! me (list 'watcher
                                      (catch (lambda (e) (list 'raised e))
                                             (? 10)     ; until told
                                             (? 0.5 'no-raise))))))))
    (recv ('ready #t))
    (let ((ref (monitor victim)))
      (! victim 'go)
      (recv (('down ,ref _ reason) #t)))
    (! watcher 'after-the-death)
    (recv (('watcher outcome) outcome))))
(write (remote-watcher #f)) (newline)
(write (remote-watcher #t)) (newline)
(write (ping worker)) (newline)
