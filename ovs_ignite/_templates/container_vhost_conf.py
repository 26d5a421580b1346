# Compiled from templates/container-vhost.conf.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'container-vhost.conf.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_container_name = resolve('container_name')
    l_0_inside = resolve('inside')
    l_0_runtime_directory = resolve('runtime_directory')
    l_0_script = resolve('script')
    l_0_run = resolve('run')
    try:
        t_1 = environment.filters['sdcommand']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'sdcommand' found.")
    pass
    template = environment.get_template('header.j2', 'container-vhost.conf.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '# Container '
    yield str((undefined(name='container_name') if l_0_container_name is missing else l_0_container_name))
    yield " has vhost-user interfaces. Their sockets are in a folder\n# of its own under ovs-vswitchd's run folder, made as it starts; it sees that folder as\n# "
    yield str((undefined(name='inside') if l_0_inside is missing else l_0_inside))
    yield ', and the hugepages it shares with OVS.\n[Service]\nRuntimeDirectory='
    yield str((undefined(name='runtime_directory') if l_0_runtime_directory is missing else l_0_runtime_directory))
    yield '\nExecStart=\nExecStart='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' run-container %N '
    yield str(t_1((undefined(name='run') if l_0_run is missing else l_0_run), '%N'))
    yield '\n'

blocks = {}
debug_info = '1=22&2=29&4=31&6=33&8=35'