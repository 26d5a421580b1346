# Compiled from templates/docker-engine.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docker-engine.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_runtime = resolve('runtime')
    pass
    if ((undefined(name='runtime') if l_0_runtime is missing else l_0_runtime) == 'docker'):
        pass
        yield 'Wants=docker.socket\nAfter=docker.socket docker.service\n'

blocks = {}
debug_info = '1=12'