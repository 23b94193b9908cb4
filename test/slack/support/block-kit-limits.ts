/**
 * Walks a message or modal and lists every Block Kit limit it breaks (team conventions; Slack's
 * documented limits). An empty list means Slack would accept it as far as limits go.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function textOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.text === 'string' ? value.text : undefined;
}

function checkText(
  problems: string[],
  where: string,
  value: unknown,
  max: number,
  type?: 'plain_text' | 'mrkdwn',
): void {
  const text = textOf(value);
  if (text === undefined) {
    problems.push(`${where}: missing text object`);
    return;
  }
  if (text.length === 0) problems.push(`${where}: empty text`);
  if (text.length > max) problems.push(`${where}: ${text.length} > ${max} characters`);
  if (type && isObject(value) && value.type !== type) problems.push(`${where}: must be ${type}`);
}

function checkConfirm(problems: string[], where: string, confirm: unknown): void {
  if (!isObject(confirm)) return;
  checkText(problems, `${where}.confirm.title`, confirm.title, 100, 'plain_text');
  checkText(problems, `${where}.confirm.text`, confirm.text, 300);
  checkText(problems, `${where}.confirm.confirm`, confirm.confirm, 30, 'plain_text');
  checkText(problems, `${where}.confirm.deny`, confirm.deny, 30, 'plain_text');
}

function checkOptions(problems: string[], where: string, options: unknown): void {
  if (!Array.isArray(options)) return;
  if (options.length === 0) problems.push(`${where}: no options`);
  if (options.length > 100) problems.push(`${where}: ${options.length} > 100 options`);
  options.forEach((option, index) => {
    if (!isObject(option)) return;
    checkText(problems, `${where}.options[${index}].text`, option.text, 75, 'plain_text');
    if (typeof option.value !== 'string' || option.value.length === 0 || option.value.length > 75)
      problems.push(`${where}.options[${index}].value: length ${String(option.value).length} not in 1..75`);
  });
}

function checkElement(problems: string[], where: string, element: unknown, actionIds: Set<string>): void {
  if (!isObject(element)) return;
  if (typeof element.action_id === 'string') {
    if (element.action_id.length > 255) problems.push(`${where}.action_id > 255`);
    if (actionIds.has(element.action_id)) problems.push(`${where}.action_id ${element.action_id} repeated in block`);
    actionIds.add(element.action_id);
  }
  if (element.type === 'button') {
    checkText(problems, `${where}.text`, element.text, 75, 'plain_text');
    if (typeof element.value === 'string' && element.value.length > 2000) problems.push(`${where}.value > 2000`);
    checkConfirm(problems, where, element.confirm);
  }
  if (element.type === 'static_select') {
    checkOptions(problems, where, element.options);
    checkText(problems, `${where}.placeholder`, element.placeholder, 150, 'plain_text');
  }
}

export function blockProblems(blocks: unknown[], maxBlocks: number): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const where = `blocks[${index}]`;
    if (!isObject(block)) {
      problems.push(`${where}: not an object`);
      return;
    }
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > 255) problems.push(`${where}.block_id > 255`);
      if (blockIds.has(block.block_id)) problems.push(`${where}.block_id ${block.block_id} repeated`);
      blockIds.add(block.block_id);
    }
    const actionIds = new Set<string>();
    switch (block.type) {
      case 'header':
        checkText(problems, `${where}.text`, block.text, 150, 'plain_text');
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) problems.push(`${where}: neither text nor fields`);
        if (block.text !== undefined) checkText(problems, `${where}.text`, block.text, 3000);
        if (Array.isArray(block.fields)) {
          if (block.fields.length > 10) problems.push(`${where}: ${block.fields.length} fields > 10`);
          block.fields.forEach((field, i) => {
            checkText(problems, `${where}.fields[${i}]`, field, 2000);
          });
        }
        if (block.accessory) checkElement(problems, `${where}.accessory`, block.accessory, actionIds);
        break;
      }
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > 10)
          problems.push(`${where}: ${elements.length} context elements`);
        elements.forEach((element, i) => {
          checkText(problems, `${where}.elements[${i}]`, element, 3000);
        });
        break;
      }
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0 || elements.length > 25)
          problems.push(`${where}: ${elements.length} action elements`);
        elements.forEach((element, i) => {
          checkElement(problems, `${where}.elements[${i}]`, element, actionIds);
        });
        break;
      }
      case 'input':
        checkText(problems, `${where}.label`, block.label, 2000, 'plain_text');
        if (block.hint !== undefined) checkText(problems, `${where}.hint`, block.hint, 2000, 'plain_text');
        checkElement(problems, `${where}.element`, block.element, actionIds);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type ${String(block.type)}`);
    }
  });
  return problems;
}

export function messageProblems(message: { text: string; blocks: unknown[] }): string[] {
  const problems = blockProblems(message.blocks, 50);
  if (message.text.length === 0) problems.push('empty fallback text');
  if (message.text.length > 3000) problems.push(`fallback text ${message.text.length} > 3000`);
  const totalText = JSON.stringify(message.blocks).length;
  // Slack has answered msg_blocks_too_long around 13,200 characters of text; JSON overhead included here.
  if (totalText > 40_000) problems.push(`blocks JSON ${totalText} characters`);
  return problems;
}

export function modalProblems(view: Json): string[] {
  const problems = blockProblems(Array.isArray(view.blocks) ? view.blocks : [], 100);
  for (const key of ['title', 'submit', 'close'] as const) {
    if (view[key] !== undefined) checkText(problems, key, view[key], 24, 'plain_text');
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000)
    problems.push('private_metadata > 3000');
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) problems.push('callback_id > 255');
  return problems;
}

/** Sum of the lengths of every text a reader sees (the measure behind msg_blocks_too_long). */
export function visibleTextLength(blocks: unknown[]): number {
  let total = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (isObject(value)) {
      if (typeof value.text === 'string') total += value.text.length;
      for (const [key, child] of Object.entries(value)) if (key !== 'text' || typeof child !== 'string') walk(child);
    }
  };
  walk(blocks);
  return total;
}
