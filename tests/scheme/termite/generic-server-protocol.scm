;; The generic server's replies, casts, deferred replies, stops and
;; failures, and Gambit's names for it.

(define (show . xs) (for-each display xs) (newline))

;; A counter: casts add to it, calls read it; (later) defers its reply
;; until the next (add N) cast, which answers with the new total.
(define counter-plugin
  (make-generic-server-plugin
   (lambda () (cons 0 #f))              ; (TOTAL . WAITING-CALLER)
   (lambda (term from state)
     (cond ((eq? term 'get) (list 'reply (car state) state))
           ((eq? term 'later) (list 'noreply (cons (car state) from)))
           ((eq? term 'bye) (list 'stop 'normal 'goodbye state))
           ((eq? term 'fail) (list 'stop 'failed 'failing state))
           ((eq? term 'bad) 'not-a-result)
           ((eq? term 'crash) (list 'reply (car '()) state))
           (else (list 'reply 'unknown state))))
   (lambda (term state)
     (let ((total (+ (car state) (cadr term))))
       (if (cdr state) (generic-server-reply (cdr state) total))
       (list 'noreply (cons total #f))))
   (lambda (reason state)
     (show "terminate: " (if (error-object? reason) (error-object-message reason) reason)
           " at " (car state)))))

(define s (generic-server-start-link counter-plugin))
(generic-server-cast s '(add 5))
(generic-server-cast s '(add 2))
(show "get: " (generic-server-call s 'get))
(! s 'not-a-server-message)            ; dropped by the server
(! s (list (self) 'no-tag 'get))       ; not a call either
(show "unknown: " (generic-server-call s 'what))

;; A deferred reply comes when a cast arrives; another process casts it.
(spawn (sleep 0.05) (generic-server-cast s '(add 10)))
(show "later: " (generic-server-call s 'later 5))
(show "bye: " (generic-server-call s 'bye))
(show "gone: " (generic-server-call s 'get 0.05 'no-reply))

;; A stop for another reason kills the server with it, and the process
;; linked to it (this one) raises it at its next receive.
(define (linked-failure term)
  (let ((s (generic-server-start-link counter-plugin)))
    (catch (lambda (e)
             (if (error-object? e) (list 'linked-error (error-object-message e)) (list 'linked e)))
           ;; The reply to a stop may come before the raise or not: it
           ;; is not shown, and the mailbox is emptied afterwards.
           (generic-server-call s term 0.2 'no-reply)
           (? 1 'not-raised))))
(define (drain) (if (not (eq? (? 0 'empty) 'empty)) (drain)))
(show (linked-failure 'fail))
(show (linked-failure 'crash))
(show (linked-failure 'bad))
(drain)

;; server:start does not link: its failure is only logged.
(define g (server:start (make-server-plugin
                         (lambda () 0)
                         (lambda (term from state) (list 'reply (* term 2) state))
                         (lambda (term state) (list 'stop 'oops state))
                         (lambda (reason state) (show "gambit server stops: " reason)))))
(show "server:call: " (server:call g 21))
(server:cast g 'stop)
(show "still here: " (? 0.1 'nothing-raised))
