;;; e2e.el --- headless Emacs + Eglot end-to-end test of editors/emacs/nianbao.el  -*- lexical-binding: t -*-
;; Run by editors/emacs/test/run.sh:
;;   emacs -Q --batch -l editors/emacs/test/e2e.el
;; env: NIANBAO_DRAFT NIANBAO_FIXED NIANBAO_EXPECT; ~/.emacs.d/init.el set up by run.sh
(require 'package)
;; -Q drops site-lisp from load-path: point package.el at Debian's elpa-* packages
;; (elpa-eglot on Emacs 28; Emacs 29+ has Eglot built in)
(setq package-directory-list '("/usr/share/emacs/site-lisp/elpa"))
(package-initialize)
(require 'cl-lib)
(require 'json)

;; the user's init file (editors/emacs/example/init.el, as in docs/editors.md);
;; batch mode does not load it by itself
(load (expand-file-name "~/.emacs.d/init.el") nil nil t)

(setq eglot-send-changes-idle-time 0.01
      eglot-sync-connect 10
      eglot-events-buffer-size 0)

(defvar e2e-t0 (float-time))
(defun e2e-ms (t0) (* 1000.0 (- (float-time) t0)))
(defun say (fmt &rest args) (princ (concat (apply #'format fmt args) "\n")))
(defun wait-until (pred secs)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.01))
    (funcall pred)))
(defun check (c msg) (unless c (error "ASSERT: %s" msg)))

(defun lsp-diag (d) (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d))))
(defun diag-code (d) (let ((c (plist-get (lsp-diag d) :code))) (if (numberp c) (number-to-string c) c)))
(defun ndiags ()
  (sort (cl-remove-if-not (lambda (d) (equal (plist-get (lsp-diag d) :source) "nianbao")) (flymake-diagnostics))
        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
(defun table-diags () (cl-remove-if-not (lambda (d) (string-prefix-p "table/" (diag-code d))) (ndiags)))

(defun table3-region ()
  "(BEG . END): the text strictly between the headings 三 and 四."
  (save-excursion
    (goto-char (point-min))
    (re-search-forward "^三、收到和处理政府信息公开申请情况\n")
    (let ((beg (point)))
      (re-search-forward "^四、政府信息公开行政复议")
      (cons beg (line-beginning-position)))))

(condition-case err
    (let ((expect (let ((json-object-type 'plist) (json-array-type 'list))
                    (json-read-file (getenv "NIANBAO_EXPECT"))))
          (t0 (float-time)))
      (say "emacs %s, eglot %s" emacs-version
           (let ((d (cadr (assq 'eglot package-alist))))
             (if d (package-version-join (package-desc-version d)) "built-in")))
      ;; 1. open the draft: text-mode-hook -> nianbao-eglot-ensure -> eglot-ensure.
      ;; eglot-ensure connects from post-command-hook, which batch mode never runs.
      (find-file (getenv "NIANBAO_DRAFT"))
      (check (eq major-mode 'text-mode) (format "major mode %s" major-mode))
      (run-hooks 'post-command-hook)
      (check (wait-until (lambda () (eglot-current-server)) 10) "eglot did not connect")
      (check (cl-typep (eglot-current-server) 'nianbao-eglot-server) "not a nianbao server")
      (check (wait-until (lambda () (>= (length (ndiags)) (length (plist-get expect :diagnostics)))) 10)
             "no diagnostics in flymake")
      (say "diagnostics after %.0f ms (languageId %s)" (e2e-ms t0) (eglot--language-id (eglot-current-server)))
      ;; 2. diagnostics at the right columns
      (dolist (d (ndiags))
        (save-excursion
          (goto-char (flymake-diagnostic-beg d))
          (say "  %d:%d %s %s" (line-number-at-pos) (1+ (- (point) (line-beginning-position))) (diag-code d)
               (flymake-diagnostic-text d))))
      (dolist (a (plist-get expect :diagnostics))
        (check (cl-some (lambda (d)
                          (save-excursion
                            (goto-char (flymake-diagnostic-beg d))
                            (and (equal (diag-code d) (plist-get a :code))
                                 (= (1- (line-number-at-pos)) (plist-get a :line))
                                 (= (- (point) (line-beginning-position)) (plist-get a :character))
                                 (string-prefix-p (plist-get a :text)
                                                  (buffer-substring (flymake-diagnostic-beg d)
                                                                    (flymake-diagnostic-end d))))))
                        (ndiags))
               (format "expected %s at %d:%d" (plist-get a :code) (1+ (plist-get a :line))
                       (1+ (plist-get a :character)))))
      (say "all %d expected diagnostics found at their columns" (length (plist-get expect :diagnostics)))
      ;; 3. the table-三 code action (context.diagnostics = flymake's diagnostics in the region)
      (setq t0 (float-time))
      (let* ((region (table3-region))
             (actions (eglot-code-actions (car region) (cdr region)))
             (action (cl-some (lambda (want)
                                (cl-find-if (lambda (a) (string-match-p (regexp-quote want) (plist-get a :title)))
                                            actions))
                              (plist-get expect :table3_actions))))
        (unless action (dolist (a actions) (say "  action: %s" (plist-get a :title))))
        (check action "no table-三 action")
        ;; a client that resolves gets the rebuild's edit when it picks it
        (when (and (not (plist-get action :edit)) (plist-get action :data))
          (setq action (jsonrpc-request (eglot--current-server-or-lose) :codeAction/resolve action)))
        (check (plist-get action :edit) "action has no WorkspaceEdit")
        (say "codeAction in %.0f ms: %s" (e2e-ms t0) (plist-get action :title))
        (eglot--apply-workspace-edit (plist-get action :edit)))
      ;; 4. buffer text: table 三 equals the corrected twin's
      (let* ((region (table3-region))
             (got (buffer-substring-no-properties (car region) (cdr region)))
             (want (with-temp-buffer
                     (insert-file-contents (getenv "NIANBAO_FIXED"))
                     (let ((r (table3-region))) (buffer-substring-no-properties (car r) (cdr r))))))
        (check (equal got want) (format "table 三 differs:\n%s" got))
        (say "table 三 now equals the corrected twin (%d lines)" (length (split-string got "\n" t))))
      ;; 5. didChange (idle timers never fire in batch: flush by hand) -> no table/ findings
      (setq t0 (float-time))
      (eglot--signal-textDocument/didChange)
      (check (wait-until (lambda () (null (table-diags))) 10) "table/ diagnostics still present")
      (say "table/ diagnostics gone %.0f ms after the edit; %d other findings remain" (e2e-ms t0) (length (ndiags)))
      ;; 6. commands
      (with-temp-buffer
        (nianbao-insert-skeleton 2025)
        (goto-char (point-min))
        (check (looking-at ".*2025年政府信息公开工作年度报告") "skeleton title")
        (let ((want3 (nianbao-section-body (buffer-string) 3)))
          (erase-buffer)
          (insert "三、收到和处理政府信息公开申请情况\n")
          (nianbao-insert-table "三" 2025)
          (check (equal (buffer-substring (save-excursion (goto-char (point-min)) (line-beginning-position 2))
                                          (point-max))
                        want3)
                 "nianbao-insert-table 三")
          (say "nianbao-insert-skeleton and nianbao-insert-table 三 (%d lines) ok"
               (length (split-string want3 "\n" t)))))
      ;; 7. clean shutdown
      (eglot-shutdown (eglot-current-server))
      (set-buffer-modified-p nil)
      (say "total %.0f ms; PASS" (e2e-ms e2e-t0))
      (kill-emacs 0))
  (error (princ (format "FAIL: %S\n" err) #'external-debugging-output) (kill-emacs 1)))
