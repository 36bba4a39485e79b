;;; Termite's process API (spawn, ??, !?, catch, ...) over the scheduler's
;;; primitives: %recv-start, %recv-mark, %recv-next, %recv-accept,
;;; %recv-scan, %deadline and %recv-timeout.

;; (spawn BODY...) runs BODY in a new process; with a single expression
;; whose value is a procedure, the process calls it (Gambit's (spawn THUNK)).
(define-syntax spawn
  (syntax-rules ()
    ((_ e) (spawn-thunk (lambda () (%call-if-procedure e))))
    ((_ e ...) (spawn-thunk (lambda () e ...)))))

(define-syntax spawn-link
  (syntax-rules ()
    ((_ e) (spawn-link-thunk (lambda () (%call-if-procedure e))))
    ((_ e ...) (spawn-link-thunk (lambda () e ...)))))

(define (%call-if-procedure v)
  (if (procedure? v) (v) v))

;; What a receive that timed out returns: the default if one was given,
;; else the symbol timeout is raised.
(define (%timed-out rest)
  (if (and (pair? rest) (pair? (cdr rest)))
      (cadr rest)
      (raise 'timeout)))

(define (?? keep? . rest)
  ;; %recv-scan is the whole loop, in the machine (eval/recv_scan.go).
  (let ((msg (%recv-scan keep? (%deadline (if (pair? rest) (car rest) #f)))))
    (if (eq? msg %recv-timeout)
        (%timed-out rest)
        msg)))

;; (!? PID MSG [TIMEOUT [DEFAULT]]) sends (SELF TAG MSG) and waits for
;; (TAG REPLY). The messages already there when the tag is made cannot
;; hold it: the scan starts after them.
(define (!? pid msg . rest)
  (let* ((mark (%recv-mark))
         (tag (make-tag)))
    (! pid (list (self) tag msg))
    (let ((deadline (%deadline (if (pair? rest) (car rest) #f))))
      (%recv-start mark)
      (let scan ()
        (let ((m (%recv-next deadline)))
          (cond ((eq? m %recv-timeout) (%timed-out rest))
                ((and (pair? m) (eq? (car m) tag) (pair? (cdr m)) (null? (cddr m)))
                 (%recv-accept)
                 (cadr m))
                (else (scan))))))))

;; (catch HANDLER BODY...): a raise inside BODY makes the whole form
;; return (HANDLER obj).
(define-syntax catch
  (syntax-rules ()
    ((_ handler body ...) (%catch handler (lambda () body ...)))))

(define (%catch handler thunk)
  ((call/cc
    (lambda (k)
      (with-exception-handler
       (lambda (obj) (k (lambda () (handler obj))))
       (lambda ()
         (call-with-values thunk
           (lambda results (lambda () (apply values results))))))))))

;; (handle HANDLER BODY...): a raise inside BODY returns (HANDLER obj)
;; where it was raised, and BODY goes on.
(define-syntax handle
  (syntax-rules ()
    ((_ handler body ...) (%handle handler (lambda () body ...)))))
