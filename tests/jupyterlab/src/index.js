// A small JupyterLab 4 notebook page for gokernel's browser tests: one
// notebook, opened through JupyterLab's own services, document manager,
// notebook widget factory, CodeMirror editors, completer and tooltip, with
// the notebook toolbar's run, interrupt and restart buttons and JupyterLab's
// key bindings for them, and JupyterLab's visual debugger (the toolbar's bug
// toggle, breakpoints in the cells' gutters, the debugger sidebar on the
// right). The notebook is ?path=NAME.ipynb (relative to the server's root
// directory).

import '@jupyterlab/application/style/index.css';
import '@jupyterlab/codemirror/style/index.css';
import '@jupyterlab/completer/style/index.css';
import '@jupyterlab/debugger/style/index.css';
import '@jupyterlab/documentsearch/style/index.css';
import '@jupyterlab/notebook/style/index.css';
import '@jupyterlab/tooltip/style/index.css';
import '@jupyterlab/theme-light-extension/style/theme.css';
import './page.css';

import { PageConfig } from '@jupyterlab/coreutils';
import { ServiceManager } from '@jupyterlab/services';
import {
  RenderMimeRegistry,
  standardRendererFactories
} from '@jupyterlab/rendermime';
import {
  CodeMirrorEditorFactory,
  CodeMirrorMimeTypeService,
  EditorExtensionRegistry,
  EditorLanguageRegistry,
  EditorThemeRegistry,
  ybinding
} from '@jupyterlab/codemirror';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import { DocumentManager } from '@jupyterlab/docmanager';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import {
  NotebookActions,
  NotebookModelFactory,
  NotebookPanel,
  NotebookWidgetFactory,
  StaticNotebook,
  runCell,
  setCellExecutor
} from '@jupyterlab/notebook';
import {
  Completer,
  CompleterModel,
  CompletionHandler,
  KernelCompleterProvider,
  ProviderReconciliator
} from '@jupyterlab/completer';
import { Tooltip } from '@jupyterlab/tooltip';
import { Debugger, DebuggerDisplayRegistry } from '@jupyterlab/debugger';
import { SessionContextDialogs, Toolbar } from '@jupyterlab/apputils';
import { ToolbarButton, runIcon, fastForwardIcon } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { BoxPanel, Widget } from '@lumino/widgets';

function editorServices() {
  const languages = new EditorLanguageRegistry();
  for (const language of EditorLanguageRegistry.getDefaultLanguages()) {
    languages.addLanguage(language);
  }
  // Markdown cells: JupyterLab's Markdown flavour (code blocks highlighted).
  languages.addLanguage({
    name: 'ipythongfm',
    mime: 'text/x-ipythongfm',
    load: async () => {
      const m = await import('@codemirror/lang-markdown');
      return m.markdown({ codeLanguages: info => languages.findBest(info) });
    }
  });
  const themes = new EditorThemeRegistry();
  for (const theme of EditorThemeRegistry.getDefaultThemes()) {
    themes.addTheme(theme);
  }
  const extensions = new EditorExtensionRegistry();
  for (const factory of EditorExtensionRegistry.getDefaultExtensions({ themes })) {
    extensions.addExtension(factory);
  }
  // Each editor edits its cell's shared model, as in JupyterLab.
  extensions.addExtension({
    name: 'shared-model-binding',
    factory: options =>
      EditorExtensionRegistry.createImmutableExtension(
        ybinding({
          ytext: options.model.sharedModel.ysource,
          undoManager: options.model.sharedModel.undoManager ?? undefined
        })
      )
  });
  return {
    languages,
    factoryService: new CodeMirrorEditorFactory({ extensions, languages }),
    mimeTypeService: new CodeMirrorMimeTypeService(languages)
  };
}

// JupyterLab's visual debugger, wired as @jupyterlab/debugger-extension
// wires it in JupyterLab (its service, config, notebooks, sidebar and main
// plugins): the debugger service on the notebook's session, the bug toggle
// in the notebook's toolbar and the gutter breakpoints of its cells (the
// notebook handler, whose editor handlers also highlight the stopped
// line), the sidebar's Variables, Callstack, Breakpoints and Sources panels
// with the continue, terminate, next, step in, step out and evaluate
// commands of the callstack's toolbar. Returns the sidebar.
function debuggerFor(panel, manager, commands, services) {
  const displayRegistry = new DebuggerDisplayRegistry();
  const service = new Debugger.Service({
    config: new Debugger.Config(),
    displayRegistry,
    specsManager: manager.kernelspecs,
    mimeTypeService: services.mimeTypeService
  });
  // The notebooks plugin's display provider: a source file that is a cell
  // of the notebook is shown as "Cell [n]" (JupyterLab asks this of paths
  // that contain "ipykernel_" only; gokernel names its files so).
  displayRegistry.register({
    canHandle: source => (source.path || '').includes('ipykernel_'),
    getDisplayName: source => {
      for (const cell of panel.content.widgets) {
        const model = cell.model;
        if (model.type === 'code' && service.getCodeId(model.sharedModel.getSource()) === source.path) {
          if (model.executionState === 'running') {
            return 'Cell [*]';
          }
          return model.executionCount == null ? 'Cell [ ]' : `Cell [${model.executionCount}]`;
        }
      }
      return source.path || '';
    }
  });
  const ids = Debugger.CommandIDs;
  const stopped = () => service.hasStoppedThreads();
  commands.addCommand(ids.debugContinue, { label: 'Continue', caption: 'Continue',
    icon: Debugger.Icons.continueIcon, isEnabled: stopped,
    execute: async () => { await service.continue(); commands.notifyCommandChanged(); } });
  commands.addCommand(ids.terminate, { label: 'Terminate', caption: 'Terminate',
    icon: Debugger.Icons.terminateIcon, isEnabled: stopped,
    execute: async () => { await service.restart(); commands.notifyCommandChanged(); } });
  commands.addCommand(ids.next, { label: 'Next', caption: 'Next',
    icon: Debugger.Icons.stepOverIcon, isEnabled: stopped, execute: () => service.next() });
  commands.addCommand(ids.stepIn, { label: 'Step In', caption: 'Step In',
    icon: Debugger.Icons.stepIntoIcon, isEnabled: stopped, execute: () => service.stepIn() });
  commands.addCommand(ids.stepOut, { label: 'Step Out', caption: 'Step Out',
    icon: Debugger.Icons.stepOutIcon, isEnabled: stopped, execute: () => service.stepOut() });
  commands.addCommand(ids.evaluate, { label: 'Evaluate Code', caption: 'Evaluate Code',
    icon: Debugger.Icons.evaluateIcon, isEnabled: stopped,
    execute: async () => {
      const code = window.prompt('Evaluate');
      if (code) {
        const reply = await service.evaluate(code);
        console.debug(reply && reply.result);
      }
    } });
  commands.addCommand(ids.pauseOnExceptions, { label: 'Pause on exceptions',
    isEnabled: () => !!service.session && service.session.isStarted,
    execute: args => service.pauseOnExceptionsFilter(args.filter) });
  service.eventMessage.connect(() => commands.notifyCommandChanged());
  service.sessionChanged.connect(() => commands.notifyCommandChanged());

  const sidebar = new Debugger.Sidebar({
    service,
    callstackCommands: { registry: commands, continue: ids.debugContinue, terminate: ids.terminate,
      next: ids.next, stepIn: ids.stepIn, stepOut: ids.stepOut, evaluate: ids.evaluate },
    breakpointsCommands: { registry: commands, pauseOnExceptions: ids.pauseOnExceptions },
    editorServices: services,
    themeManager: null
  });
  // The sidebar is shown when the debugger starts (JupyterLab activates it
  // on the kernel's initialized event), hidden when it stops.
  sidebar.hide();
  service.eventMessage.connect((_, event) => {
    if (event.event === 'initialized' || service.isStarted) {
      sidebar.show();
    }
  });
  service.stopped.connect(() => sidebar.hide());
  // The handler asks the shell whether the notebook has the focus before it
  // toggles the debugger: the page's one notebook always has it.
  const handler = new Debugger.Handler({ type: 'notebook', shell: { currentWidget: panel }, service });
  void panel.sessionContext.ready.then(async () => {
    await handler.updateContext(panel, panel.sessionContext);
    commands.notifyCommandChanged();
  });
  return sidebar;
}

// Cells run as in JupyterLab (its default cell executor).
setCellExecutor({ runCell });

async function main() {
  const path = new URLSearchParams(window.location.search).get('path');
  const manager = new ServiceManager();
  await manager.ready;

  const commands = new CommandRegistry();
  document.addEventListener('keydown', e => commands.processKeydownEvent(e), true);

  const services = editorServices();
  const rendermime = new RenderMimeRegistry({
    initialFactories: standardRendererFactories,
    markdownParser: createMarkdownParser(services.languages)
  });
  const docRegistry = new DocumentRegistry();
  const docManager = new DocumentManager({
    registry: docRegistry,
    manager,
    opener: { open: () => {}, get opened() { return { connect: () => false, disconnect: () => false }; } }
  });
  const dialogs = new SessionContextDialogs();
  const widgetFactory = new NotebookWidgetFactory({
    name: 'Notebook',
    modelName: 'notebook',
    fileTypes: ['notebook'],
    defaultFor: ['notebook'],
    preferKernel: true,
    canStartKernel: true,
    rendermime,
    contentFactory: new NotebookPanel.ContentFactory({
      editorFactory: services.factoryService.newInlineEditor
    }),
    mimeTypeService: services.mimeTypeService,
    // Every cell in the page (JupyterLab renders only the visible ones by
    // default), so that a whole notebook's outputs can be looked at.
    notebookConfig: { ...StaticNotebook.defaultNotebookConfig, windowingMode: 'none' },
    toolbarFactory: panel => [
      { name: 'run', widget: new ToolbarButton({
        icon: runIcon, tooltip: 'Run this cell and advance', className: 'gk-run',
        onClick: () => void NotebookActions.runAndAdvance(panel.content, panel.sessionContext, dialogs)
      }) },
      { name: 'run-all', widget: new ToolbarButton({
        icon: fastForwardIcon, tooltip: 'Run all cells', className: 'gk-run-all',
        onClick: () => void NotebookActions.runAll(panel.content, panel.sessionContext, dialogs)
      }) },
      { name: 'interrupt', widget: Toolbar.createInterruptButton(panel.sessionContext) },
      { name: 'restart', widget: Toolbar.createRestartButton(panel.sessionContext, dialogs) },
      { name: 'spacer', widget: Toolbar.createSpacerItem() },
      { name: 'kernelName', widget: Toolbar.createKernelNameItem(panel.sessionContext, dialogs) },
      { name: 'kernelStatus', widget: Toolbar.createKernelStatusItem(panel.sessionContext) }
    ]
  });
  docRegistry.addModelFactory(new NotebookModelFactory({}));
  docRegistry.addWidgetFactory(widgetFactory);

  const panel = docManager.open(path);
  const notebook = panel.content;

  // Completer: the kernel's complete_reply, on Tab.
  const completer = new Completer({ model: new CompleterModel() });
  const handler = new CompletionHandler({
    completer,
    reconciliator: new ProviderReconciliator({
      context: { widget: panel, session: panel.sessionContext.session },
      providers: [new KernelCompleterProvider()],
      timeout: 5000
    })
  });
  const followActiveCell = () => {
    const editor = notebook.activeCell ? notebook.activeCell.editor : null;
    handler.editor = editor;
    handler.reconciliator = new ProviderReconciliator({
      context: { widget: panel, editor, session: panel.sessionContext.session },
      providers: [new KernelCompleterProvider()],
      timeout: 5000
    });
  };
  notebook.activeCellChanged.connect(followActiveCell);
  panel.sessionContext.sessionChanged.connect(followActiveCell);
  completer.hide();
  Widget.attach(completer, document.body);

  // Contextual help: the kernel's inspect_reply in JupyterLab's tooltip.
  let tooltip = null;
  const showTooltip = async () => {
    const cell = notebook.activeCell;
    const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
    if (!cell || !kernel) {
      return;
    }
    const editor = cell.editor;
    const code = editor.model.sharedModel.getSource();
    const position = editor.getCursorPosition();
    const offset = editor.getOffsetAt(position);
    const reply = await kernel.requestInspect({ code, cursor_pos: offset, detail_level: 0 });
    if (tooltip) {
      tooltip.dispose();
      tooltip = null;
    }
    if (reply.content.status !== 'ok' || !reply.content.found) {
      return;
    }
    tooltip = new Tooltip({ anchor: notebook, bundle: reply.content.data, editor, rendermime, position });
    Widget.attach(tooltip, document.body);
  };

  commands.addCommand('completer:invoke-notebook', {
    execute: () => {
      if (notebook.activeCell && notebook.activeCell.model.type === 'code') {
        return handler.invoke();
      }
    }
  });
  commands.addCommand('completer:select-notebook', { execute: () => handler.completer.selectActive() });
  commands.addCommand('tooltip:launch-notebook', { execute: showTooltip });
  commands.addCommand('tooltip:dismiss', {
    execute: () => { if (tooltip) { tooltip.dispose(); tooltip = null; } }
  });
  commands.addCommand('notebook:run-cell-and-select-next', {
    execute: () => NotebookActions.runAndAdvance(notebook, panel.sessionContext, dialogs)
  });
  commands.addCommand('notebook:run-all-cells', {
    execute: () => NotebookActions.runAll(notebook, panel.sessionContext, dialogs)
  });
  commands.addCommand('notebook:enter-edit-mode', { execute: () => { notebook.mode = 'edit'; } });
  commands.addCommand('notebook:enter-command-mode', { execute: () => { notebook.mode = 'command'; } });
  commands.addCommand('notebook:interrupt-kernel', {
    execute: () => panel.sessionContext.session && panel.sessionContext.session.kernel &&
      panel.sessionContext.session.kernel.interrupt()
  });
  // JupyterLab's default key bindings for these commands.
  const editing = '.jp-Notebook.jp-mod-editMode';
  const commandMode = '.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus';
  for (const binding of [
    { command: 'completer:invoke-notebook', keys: ['Tab'], selector: `${editing} .jp-mod-completer-enabled` },
    { command: 'completer:select-notebook', keys: ['Enter'], selector: '.jp-Notebook .jp-mod-completer-active' },
    { command: 'tooltip:launch-notebook', keys: ['Shift Tab'],
      selector: `${editing} .jp-InputArea-editor:not(.jp-mod-has-primary-selection):not(.jp-mod-in-leading-whitespace):not(.jp-mod-completer-active)` },
    { command: 'tooltip:dismiss', keys: ['Escape'], selector: 'body.jp-mod-tooltip .jp-Notebook' },
    { command: 'notebook:run-cell-and-select-next', keys: ['Shift Enter'], selector: '.jp-Notebook' },
    { command: 'notebook:enter-command-mode', keys: ['Escape'], selector: editing },
    { command: 'notebook:enter-edit-mode', keys: ['Enter'], selector: commandMode },
    { command: 'notebook:interrupt-kernel', keys: ['I', 'I'], selector: commandMode }
  ]) {
    commands.addKeyBinding(binding);
  }

  const sidebar = debuggerFor(panel, manager, commands, services);

  const main = new BoxPanel({ direction: 'left-to-right', spacing: 0 });
  main.id = 'main';
  BoxPanel.setStretch(panel, 1);
  BoxPanel.setStretch(sidebar, 0);
  BoxPanel.setSizeBasis(sidebar, 360);
  main.addWidget(panel);
  main.addWidget(sidebar);
  Widget.attach(main, document.body);
  window.addEventListener('resize', () => main.update());

  // For the tests: the panel, to wait on the kernel's state (they click and
  // type like a user for everything else).
  window.gokernelLab = { panel, notebook, services, debuggerSidebar: sidebar };
  await panel.context.ready;
  await panel.sessionContext.ready;
  document.body.dataset.gkReady = 'true';
}

window.addEventListener('error', e => {
  document.body.dataset.gkError = String(e.message);
});
window.addEventListener('load', () => {
  main().catch(err => {
    console.error('gokernel test page failed to start:', err);
    document.body.dataset.gkError = String(err && err.stack ? err.stack : err);
  });
});
