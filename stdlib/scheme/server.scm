;;; The libraries of the Termite paper (Germain, Feeley and Monnier,
;;; "Concurrency Oriented Programming in Termite Scheme", 2006): the
;;; generic server and the supervisor, written over !, ?, !? and monitor.
;;;
;;; Protocol of the generic server. A call is an ordinary !? whose message
;;; is (%generic-server-call TERM): the server receives
;;; (CLIENT TAG (%generic-server-call TERM)) and answers (TAG REPLY). A
;;; cast is the message (%generic-server-cast TERM). The markers are
;;; symbols rather than values made with make-tag because they must mean
;;; the same on every node: a server may run on another node than its
;;; clients, and each node loads this file on its own. Other messages are
;;; dropped, so that they cannot fill the server's mailbox.

(define-record-type generic-server-plugin
  (make-generic-server-plugin init call cast terminate)
  generic-server-plugin?
  (init %plugin-init)
  (call %plugin-call)
  (cast %plugin-cast)
  (terminate %plugin-terminate))

;; (generic-server-start-link PLUGIN) starts a server linked to the
;; caller: if either dies of an error, the other raises it.
(define (generic-server-start-link plugin)
  (%check-plugin "generic-server-start-link" plugin)
  (spawn-link-thunk (lambda () (%generic-server-run plugin))))

(define (generic-server-start plugin)
  (%check-plugin "generic-server-start" plugin)
  (spawn-thunk (lambda () (%generic-server-run plugin))))

(define (%check-plugin who plugin)
  (if (not (generic-server-plugin? plugin))
      (error (string-append who ": expected a generic server plugin") plugin)))

;; (generic-server-call SERVER TERM [TIMEOUT [DEFAULT]]) returns the
;; server's reply; the timeout and default are those of !?.
(define (generic-server-call server term . rest)
  (apply !? server (list '%generic-server-call term) rest))

(define (generic-server-cast server term)
  (! server (list '%generic-server-cast term)))

;; CALL receives FROM as (CLIENT TAG); a server that answers (noreply
;; STATE) can reply later with (generic-server-reply FROM VALUE).
(define (generic-server-reply from value)
  (! (car from) (list (cadr from) value)))

(define (%generic-server-call? msg)
  (and (pair? msg) (pid? (car msg))
       (pair? (cdr msg))
       (pair? (cddr msg)) (null? (cdddr msg))
       (let ((body (caddr msg)))
         (and (pair? body) (eq? (car body) '%generic-server-call)
              (pair? (cdr body)) (null? (cddr body))))))

(define (%generic-server-cast? msg)
  (and (pair? msg) (eq? (car msg) '%generic-server-cast)
       (pair? (cdr msg)) (null? (cddr msg))))

(define (%generic-server-run plugin)
  (%generic-server-loop plugin ((%plugin-init plugin))))

;; Each handler runs inside catch, so that a server whose handler fails
;; still calls TERMINATE (with the raised object as the reason) before it
;; dies of that object. The loop itself stays outside the catch: it is a
;; tail call, and a server runs in constant space however long it lives.
(define (%generic-server-loop plugin state)
  (let ((msg (?)))
    (cond ((%generic-server-call? msg)
           (let* ((from (list (car msg) (cadr msg)))
                  (result (%generic-server-handle
                           plugin state
                           (lambda () ((%plugin-call plugin) (cadr (caddr msg)) from state)))))
             (cond ((%result? result 'reply 2)
                    (generic-server-reply from (cadr result))
                    (%generic-server-loop plugin (caddr result)))
                   ((%result? result 'noreply 1)
                    (%generic-server-loop plugin (cadr result)))
                   ((%result? result 'stop 3)
                    (generic-server-reply from (caddr result))
                    (%generic-server-stop plugin (cadr result) (cadddr result)))
                   (else
                    (%generic-server-fail
                     plugin state
                     "generic server: CALL must return (reply VALUE STATE), (noreply STATE) or (stop REASON REPLY STATE)"
                     result)))))
          ((%generic-server-cast? msg)
           (let ((result (%generic-server-handle
                          plugin state
                          (lambda () ((%plugin-cast plugin) (cadr msg) state)))))
             (cond ((%result? result 'noreply 1)
                    (%generic-server-loop plugin (cadr result)))
                   ((%result? result 'stop 2)
                    (%generic-server-stop plugin (cadr result) (caddr result)))
                   (else
                    (%generic-server-fail
                     plugin state
                     "generic server: CAST must return (noreply STATE) or (stop REASON STATE)"
                     result)))))
          (else (%generic-server-loop plugin state)))))

;; Whether result is a list of the symbol kind and n more elements.
(define (%result? result kind n)
  (and (pair? result) (eq? (car result) kind)
       (list? result) (= (length result) (+ n 1))))

(define (%generic-server-handle plugin state thunk)
  (catch (lambda (obj)
           ((%plugin-terminate plugin) obj state)
           (raise obj))
         (thunk)))

(define (%generic-server-fail plugin state message result)
  (%generic-server-handle plugin state (lambda () (error message result))))

;; A server that stops for a reason other than normal dies of it, so that
;; the processes linked to it hear why.
(define (%generic-server-stop plugin reason state)
  ((%plugin-terminate plugin) reason state)
  (if (not (eq? reason 'normal))
      (raise reason)))

;; Gambit Termite's names. Its server:start does not link.
(define make-server-plugin make-generic-server-plugin)
(define server:start generic-server-start)
(define server:start-link generic-server-start-link)
(define server:call generic-server-call)
(define server:cast generic-server-cast)

;;; Supervision. (spawn-thunk-supervised THUNK) returns the pid of a proxy
;;; that runs THUNK in a worker process, watches it with monitor and
;;; forwards every message it receives to the current worker. When the
;;; worker dies of an error, the proxy starts THUNK again in a new worker;
;;; messages that come meanwhile wait in the proxy's mailbox and go to the
;;; new worker, but those already forwarded to the dead one are lost. When
;;; the worker ends normally, so does the proxy. Replies go straight from
;;; the worker to the client: the worker's (self) is its own pid.
;;;
;;; The proxy allows %supervisor-max-restarts restarts within
;;; %supervisor-window seconds; a crash that would need one more makes it
;;; log a line on the current error port and die of
;;; (supervisor-gave-up THUNK), so that processes that monitor or link to
;;; the supervised pid learn that it is gone for good.

(define %supervisor-max-restarts 5)
(define %supervisor-window 5)

(define (spawn-thunk-supervised thunk)
  (if (not (procedure? thunk))
      (error "spawn-thunk-supervised: expected a procedure" thunk))
  (spawn-thunk (lambda () (%supervise thunk '()))))

;; restarts holds the times (in jiffies) of the restarts made within the
;; window, newest first.
(define (%supervise thunk restarts)
  (let* ((worker (spawn-thunk thunk))
         (ref (monitor worker)))
    (let forward ()
      (let ((msg (?)))
        (cond ((not (and (pair? msg) (eq? (car msg) 'down)
                         (pair? (cdr msg)) (eq? (cadr msg) ref)))
               (! worker msg)
               (forward))
              ((eq? (cadddr msg) 'normal) 'normal)
              (else
               (let* ((now (current-jiffy))
                      (recent (%since restarts (- now (* %supervisor-window (jiffies-per-second))))))
                 (if (>= (length recent) %supervisor-max-restarts)
                     (%supervisor-give-up thunk (length recent))
                     (%supervise thunk (cons now recent))))))))))

;; The times in the list (newest first) that are later than start.
(define (%since times start)
  (let loop ((ts times) (acc '()))
    (if (and (pair? ts) (> (car ts) start))
        (loop (cdr ts) (cons (car ts) acc))
        (reverse acc))))

(define (%supervisor-give-up thunk restarts)
  (let ((port (current-error-port)))
    (display "supervisor: " port)
    (write thunk port)
    (display " restarted too often (" port)
    (display restarts port)
    (display " times in " port)
    (display %supervisor-window port)
    (display " s), giving up" port)
    (newline port)
    (raise (list 'supervisor-gave-up thunk))))
